/* flags.c - stage 1: compile flags judged by what they make libclang do. */
#include "flags.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static const char LOADS_CODE[] = "loads code into the analyzer";
static const char READS_CONFIG[] = "reads a clang configuration file, which may hold any flag";
static const char WRITES_FILES[] = "writes files";
static const char CHANGES_DIRECTORY[] = "changes the process's working directory";
static const char PRINTS[] = "prints into sova's output";
static const char REMAPS[] = "remaps the files the parse reads";
static const char NOT_A_FILE[] = "names a device, FIFO or socket, which the parse would read without end";
static const char UNKNOWN_CC1[] = "passes a front-end flag sova does not know to be harmless";

/* ---- the driver's options ---- */

enum operand { ALONE, SEPARATE, JOINED_OR_SEPARATE, JOINED };

struct option_rule {
	const char *name;
	enum operand operand;
	enum sova_flag_verdict verdict;
	const char *why;
};

/* Options by name, the longest first where one is a prefix of another.
 * Only options known to take a separate operand say so: one that does
 * not would make its next argument look like an operand and pass unjudged. */
static const struct option_rule option_rules[] = {
	/* A normal compile's outputs and link steps, which a parse has none of. */
	{ "-c", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-S", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-E", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MD", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MMD", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MP", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MG", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MV", ALONE, SOVA_FLAG_OMIT, NULL },
	{ "-MF", JOINED_OR_SEPARATE, SOVA_FLAG_OMIT, NULL },
	{ "-MT", JOINED_OR_SEPARATE, SOVA_FLAG_OMIT, NULL },
	{ "-MQ", JOINED_OR_SEPARATE, SOVA_FLAG_OMIT, NULL },
	{ "-Xlinker", SEPARATE, SOVA_FLAG_OMIT, NULL },
	{ "-Xassembler", SEPARATE, SOVA_FLAG_OMIT, NULL },
	{ "-Wl,", JOINED, SOVA_FLAG_OMIT, NULL },
	{ "-Wa,", JOINED, SOVA_FLAG_OMIT, NULL },
	{ "-o", JOINED_OR_SEPARATE, SOVA_FLAG_OMIT, NULL },
	/* Code loaded into the process. */
	{ "-fplugin-arg-", JOINED, SOVA_FLAG_DROP, LOADS_CODE },
	{ "-fplugin=", JOINED, SOVA_FLAG_DROP, LOADS_CODE },
	{ "-fpass-plugin=", JOINED, SOVA_FLAG_DROP, LOADS_CODE },
	{ "--config-system-dir=", JOINED, SOVA_FLAG_DROP, READS_CONFIG },
	{ "--config-user-dir=", JOINED, SOVA_FLAG_DROP, READS_CONFIG },
	{ "--config=", JOINED, SOVA_FLAG_DROP, READS_CONFIG },
	{ "--config", SEPARATE, SOVA_FLAG_DROP, READS_CONFIG },
	/* Files written beyond a compile's usual outputs. */
	{ "-MJ", JOINED_OR_SEPARATE, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-save-temps", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-ftime-trace-granularity=", JOINED, SOVA_FLAG_KEEP, NULL },
	{ "-ftime-trace", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fmodules-cache-path=", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fmodules", ALONE, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fcxx-modules", ALONE, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fimplicit-modules", ALONE, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fcrash-diagnostics-dir=", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fcrash-diagnostics=", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "-fproc-stat-report", JOINED, SOVA_FLAG_DROP, WRITES_FILES },
	{ "--serialize-diagnostics", SEPARATE, SOVA_FLAG_DROP, WRITES_FILES },
	/* The process's state, and printing. */
	{ "-working-directory=", JOINED, SOVA_FLAG_DROP, CHANGES_DIRECTORY },
	{ "-working-directory", SEPARATE, SOVA_FLAG_DROP, CHANGES_DIRECTORY },
	{ "-###", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-v", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-H", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-M", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-MM", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-print-", JOINED, SOVA_FLAG_DROP, PRINTS },
	{ "--print-", JOINED, SOVA_FLAG_DROP, PRINTS },
	{ "-dumpmachine", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-dumpversion", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-dumpspecs", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "--version", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "--help", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-help", ALONE, SOVA_FLAG_DROP, PRINTS },
	{ "-ftime-report", JOINED, SOVA_FLAG_DROP, PRINTS },
	{ "-fdump-", JOINED, SOVA_FLAG_DROP, PRINTS },
	{ "-ivfsoverlay", JOINED_OR_SEPARATE, SOVA_FLAG_DROP, REMAPS },
	/* Options kept, listed for their separate operands. */
	{ "-include-pch", SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-include", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-imacros", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-isystem-after", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-isystem", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-isysroot", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-iquote", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-idirafter", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-iwithprefixbefore", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-iwithprefix", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-iprefix", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-iwithsysroot", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "--sysroot", SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-target", SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-arch", SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-I", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-D", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-U", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-F", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
	{ "-x", JOINED_OR_SEPARATE, SOVA_FLAG_KEEP, NULL },
};

/* The rule for args[i], and how many arguments the option takes. */
static const struct option_rule *option_rule(char *const *args, size_t nargs, size_t i, size_t *count)
{
	const char *a = args[i];
	*count = 1;
	for (size_t k = 0; k < sizeof(option_rules) / sizeof(option_rules[0]); k++) {
		const struct option_rule *r = &option_rules[k];
		size_t n = strlen(r->name);
		if (strncmp(a, r->name, n) != 0)
			continue;
		int exact = a[n] == '\0';
		if ((r->operand == ALONE && !exact) || (r->operand == SEPARATE && !exact))
			continue;
		if (exact && (r->operand == SEPARATE || r->operand == JOINED_OR_SEPARATE))
			*count = i + 1 < nargs ? 2 : 1;
		return r;
	}
	return NULL;
}

/* ---- the front end's flags: -Xclang, -Xpreprocessor, -Wp, ---- */

/* Front-end flags whose operand is the next front-end flag. Those listed
 * harmless are kept with it; the rest are dropped with it. */
static const struct {
	const char *name;
	const char *why; /* NULL: harmless */
} cc1_pairs[] = {
	{ "-load", LOADS_CODE },
	{ "-plugin", LOADS_CODE },
	{ "-add-plugin", LOADS_CODE },
	{ "-mllvm", LOADS_CODE },
	{ "-o", WRITES_FILES },
	{ "-MT", WRITES_FILES },
	{ "-MQ", WRITES_FILES },
	{ "-MF", WRITES_FILES },
	{ "-dependency-file", WRITES_FILES },
	{ "-dependency-dot", WRITES_FILES },
	{ "-header-include-file", WRITES_FILES },
	{ "-serialize-diagnostic-file", WRITES_FILES },
	{ "-working-directory", CHANGES_DIRECTORY },
	{ "-ast-dump-filter", PRINTS },
	{ "-main-file-name", UNKNOWN_CC1 },
	{ "-include", UNKNOWN_CC1 },
	{ "-target-feature", NULL },
	{ "-target-cpu", NULL },
	{ "-D", NULL },
	{ "-U", NULL },
};

/* Single front-end flags that look harmless (-f, -W, -D ...) but are not. */
static const struct {
	const char *prefix;
	const char *why;
} cc1_denied[] = {
	{ "-fplugin", LOADS_CODE },
	{ "-fpass-plugin", LOADS_CODE },
	{ "-plugin-arg-", LOADS_CODE },
	{ "-fmodules", WRITES_FILES },
	{ "-fmodule-file", WRITES_FILES },
	{ "-fcrash-diagnostics", WRITES_FILES },
	{ "-ftime-trace", WRITES_FILES },
	{ "-fdump-", PRINTS },
	{ "-ftime-report", PRINTS },
};

/* Why one front-end flag, alone, is dropped; NULL when it is kept. */
static const char *cc1_single(const char *flag)
{
	for (size_t k = 0; k < sizeof(cc1_denied) / sizeof(cc1_denied[0]); k++)
		if (strncmp(flag, cc1_denied[k].prefix, strlen(cc1_denied[k].prefix)) == 0)
			return cc1_denied[k].why;
	static const char *const harmless[] = { "-f", "-W", "-D", "-U", "-O", "-std=", "-w", "-disable-" };
	for (size_t k = 0; k < sizeof(harmless) / sizeof(harmless[0]); k++)
		if (strncmp(flag, harmless[k], strlen(harmless[k])) == 0)
			return NULL;
	return UNKNOWN_CC1;
}

/* The front-end flags of a command line, in the order the front end reads
 * them, each with the option (index into the judged options) it came in. */
struct cc1_flag {
	const char *flag;
	size_t option;
};

struct cc1_stream {
	struct cc1_flag *flags;
	size_t n, cap;
};

static void cc1_push(struct cc1_stream *s, const char *flag, size_t option)
{
	struct cc1_flag f = { flag, option };
	SOVA_PUSH(s->flags, s->n, s->cap, f);
}

/* Marks every option that carried one of a front-end unit's flags dropped,
 * as one group. */
static void drop_options(struct sova_flag *opts, const struct cc1_stream *s, size_t first, size_t count,
			 const char *why)
{
	const struct sova_flag *lead = &opts[s->flags[first].option];
	size_t group = lead->verdict == SOVA_FLAG_DROP ? lead->group : s->flags[first].option;
	for (size_t k = first; k < first + count; k++) {
		struct sova_flag *o = &opts[s->flags[k].option];
		if (o->verdict != SOVA_FLAG_DROP) {
			o->verdict = SOVA_FLAG_DROP;
			o->why = why;
			o->group = group;
		}
	}
}

static size_t cc1_pair(const char *flag, const char **why)
{
	for (size_t k = 0; k < sizeof(cc1_pairs) / sizeof(cc1_pairs[0]); k++)
		if (strcmp(flag, cc1_pairs[k].name) == 0) {
			*why = cc1_pairs[k].why;
			return 1;
		}
	if (strncmp(flag, "-plugin-arg-", 12) == 0) {
		*why = LOADS_CODE;
		return 1;
	}
	return 0;
}

static void judge_cc1(struct sova_flag *opts, const struct cc1_stream *s)
{
	for (size_t k = 0; k < s->n;) {
		const char *why = NULL;
		int pair = cc1_pair(s->flags[k].flag, &why);
		size_t count = pair && k + 1 < s->n ? 2 : 1;
		if (!pair)
			why = cc1_single(s->flags[k].flag);
		if (why)
			drop_options(opts, s, k, count, why);
		k += count;
	}
}

/* The front-end flags an option carries: -Xclang X, -Xclang=X,
 * -Xpreprocessor X, -Wp,A,B (each comma-separated part). */
static void carried_flags(char *const *args, const struct sova_flag *opt, size_t index, struct cc1_stream *s,
			  char **parts, size_t *nparts)
{
	const char *a = args[opt->first];
	if ((strcmp(a, "-Xclang") == 0 || strcmp(a, "-Xpreprocessor") == 0) && opt->count == 2)
		cc1_push(s, args[opt->first + 1], index);
	else if (strncmp(a, "-Xclang=", 8) == 0)
		cc1_push(s, a + 8, index);
	else if (strncmp(a, "-Wp,", 4) == 0) {
		char *copy = sova_xstrdup(a + 4);
		parts[(*nparts)++] = copy;
		for (char *part = copy, *comma; part; part = comma) {
			comma = strchr(part, ',');
			if (comma)
				*comma++ = '\0';
			cc1_push(s, part, index);
		}
	}
}

/* An -include, -imacros or -include-pch operand that is there and is no
 * regular file: a device, FIFO or socket libclang would read forever. */
static int names_special_file(char *const *args, const struct sova_flag *opt, const char *directory)
{
	static const char *const reads[] = { "-include-pch", "-include", "-imacros" };
	const char *a = args[opt->first], *operand = NULL;
	for (size_t k = 0; k < 3 && !operand; k++) {
		size_t n = strlen(reads[k]);
		if (strncmp(a, reads[k], n) == 0)
			operand = a[n] ? (k == 0 ? NULL : a + n) : opt->count == 2 ? args[opt->first + 1] : NULL;
	}
	if (!operand || !operand[0])
		return 0;
	char *path = operand[0] == '/' || !directory ? sova_xstrdup(operand) : sova_xasprintf("%s/%s", directory, operand);
	struct stat st;
	int special = stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
	free(path);
	return special;
}

struct sova_flag *sova_flags_judge(char *const *args, size_t nargs, const char *directory, size_t *n)
{
	struct sova_flag *opts = NULL;
	size_t nopts = 0, cap = 0;
	for (size_t i = 0; i < nargs;) {
		size_t count;
		const struct option_rule *r = option_rule(args, nargs, i, &count);
		struct sova_flag opt = { i, count, r ? r->verdict : SOVA_FLAG_KEEP, r ? r->why : NULL, nopts };
		if (strcmp(args[i], "-mllvm") == 0 || strcmp(args[i], "-Xclang") == 0 ||
		    strcmp(args[i], "-Xpreprocessor") == 0)
			opt.count = i + 1 < nargs ? 2 : 1;
		if (strcmp(args[i], "-mllvm") == 0) {
			/* LLVM's options tune code generation, which a parse never runs. */
			int loads = opt.count == 2 && strncmp(args[i + 1], "-load", 5) == 0;
			opt.verdict = loads ? SOVA_FLAG_DROP : SOVA_FLAG_OMIT;
			opt.why = loads ? LOADS_CODE : NULL;
		}
		if (opt.verdict == SOVA_FLAG_KEEP && names_special_file(args, &opt, directory)) {
			opt.verdict = SOVA_FLAG_DROP;
			opt.why = NOT_A_FILE;
		}
		SOVA_PUSH(opts, nopts, cap, opt);
		i += opt.count;
	}
	struct cc1_stream s = { 0 };
	char **parts = sova_xcalloc(nopts + 1, sizeof(*parts));
	size_t nparts = 0;
	for (size_t k = 0; k < nopts; k++)
		carried_flags(args, &opts[k], k, &s, parts, &nparts);
	judge_cc1(opts, &s);
	for (size_t k = 0; k < nparts; k++)
		free(parts[k]);
	free(parts);
	free(s.flags);
	*n = nopts;
	return opts;
}

/* ---- response files ---- */

struct expansion {
	char **out;
	size_t n, cap;
	char *problem;
};

/* The first problem is kept: it says enough. */
static void note_problem(struct expansion *x, char *problem)
{
	if (x->problem)
		free(problem);
	else
		x->problem = problem;
}

static void expand_into(struct expansion *x, char *const *args, size_t nargs, const char *directory, int depth)
{
	for (size_t i = 0; i < nargs; i++) {
		if (x->n >= SOVA_RESPONSE_MAX_ARGS) {
			note_problem(x, sova_xasprintf("response files give more than %d arguments; the rest are left out",
						       SOVA_RESPONSE_MAX_ARGS));
			return;
		}
		if (args[i][0] != '@' || args[i][1] == '\0') {
			SOVA_PUSH(x->out, x->n, x->cap, sova_xstrdup(args[i]));
			continue;
		}
		const char *name = args[i] + 1;
		if (depth >= SOVA_RESPONSE_DEPTH) {
			note_problem(x, sova_xasprintf("response file '%s' left out: nested more than %d deep", name,
						       SOVA_RESPONSE_DEPTH));
			continue;
		}
		char *path = name[0] == '/' || !directory ? sova_xstrdup(name) : sova_xasprintf("%s/%s", directory, name);
		size_t len;
		const char *why = NULL;
		char *text = sova_read_file(path, &len, &why);
		char **words = NULL;
		size_t nwords = 0;
		if (text && len > SOVA_RESPONSE_MAX_BYTES)
			why = "is larger than 4 MiB";
		else if (text && (memchr(text, '\0', len) || sova_shell_split(text, &words, &nwords) != 0))
			why = "does not split into arguments";
		if (!text || why) {
			note_problem(x, sova_xasprintf("response file '%s' left out: %s", name, why ? why : "cannot be read"));
		} else {
			expand_into(x, words, nwords, directory, depth + 1);
		}
		for (size_t k = 0; k < nwords; k++)
			free(words[k]);
		free(words);
		free(text);
		free(path);
	}
}

char **sova_flags_expand(char *const *args, size_t nargs, const char *directory, size_t *nout, char **problem)
{
	struct expansion x = { NULL, 0, 0, NULL };
	expand_into(&x, args, nargs, directory, 0);
	*nout = x.n;
	*problem = x.problem;
	if (!x.out)
		x.out = sova_xcalloc(1, sizeof(*x.out));
	return x.out;
}

/* ---- shell words ---- */

static void free_words(char **argv, size_t argc)
{
	for (size_t i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

int sova_shell_split(const char *s, char ***argv_out, size_t *argc_out)
{
	char **argv = NULL;
	size_t argc = 0, cap = 0;
	size_t len = strlen(s);
	char *word = sova_xmalloc(len + 1);
	size_t w = 0;
	int in_word = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n') {
			if (in_word)
				SOVA_PUSH(argv, argc, cap, sova_xstrndup(word, w));
			in_word = 0;
			w = 0;
			continue;
		}
		in_word = 1;
		if (c == '\\' && i + 1 < len) {
			word[w++] = s[++i];
		} else if (c == '\'') {
			const char *end = strchr(s + i + 1, '\'');
			if (!end)
				goto unterminated;
			for (i++; s + i < end; i++)
				word[w++] = s[i];
		} else if (c == '"') {
			for (i++; i < len && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < len && strchr("\"\\$`", s[i + 1]))
					i++;
				word[w++] = s[i];
			}
			if (i >= len)
				goto unterminated;
		} else {
			word[w++] = c;
		}
	}
	if (in_word)
		SOVA_PUSH(argv, argc, cap, sova_xstrndup(word, w));
	free(word);
	*argv_out = argv;
	*argc_out = argc;
	return 0;
unterminated:
	free(word);
	free_words(argv, argc);
	return -1;
}
