/* cli.c - the command line: what the user asked for, parsed once at start-up. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contexts.h"
#include "util.h"

void sova_cli_usage(void)
{
	fputs("usage: sova [check] [options] [<source>...] [-- <compiler flags>]\n"
	      "       sova baseline -o <file> [options]\n"
	      "       sova extract -o <summaries> [--shard K/N] [-p <dir> | <source>... -- <flags>]\n"
	      "       sova link [options] <summaries>...\n"
	      "       sova rules\n"
	      "       sova explain <rule>\n"
	      "       sova --help | --version\n"
	      "\n"
	      "Finds sync-over-async in C: blocking waits on futures from pool workers,\n"
	      "wrap-then-block, sync wrappers over async APIs and self-wait deadlocks.\n"
	      "\n"
	      "options:\n"
	      "  -p <dir>             read <dir>/compile_commands.json (or the file itself); with\n"
	      "                       source files too, report only on those (pre-commit mode).\n"
	      "                       Without -p and without \"--\": the compile_commands.json\n"
	      "                       of .sova.json, else the first found here, in build/,\n"
	      "                       out/ or cmake-build-*/, then in each parent up to the\n"
	      "                       repository's top\n"
	      "  -j <n>               parse with n threads (default: the number of cores)\n"
	      "  --extra-arg <flag>   add a compiler flag after each entry's own (repeatable; the\n"
	      "                       flags after \"--\" are added the same way)\n"
	      "  --extra-arg-before <flag>\n"
	      "                       add a compiler flag before each entry's own (repeatable)\n"
	      "  --model <file>       load an API model as well (repeatable); see docs/models.md\n"
	      "  --no-default-models  do not load the bundled models\n"
	      "  --format text|sarif|codequality\n"
	      "                       output format (default: text)\n"
	      "  -o <file>            write the output to <file> ('-' is standard output)\n"
	      "  --srcroot <dir>      root for %SRCROOT%-relative SARIF paths (default: .)\n"
	      "  --config <file>      read this configuration instead of the nearest .sova.json\n"
	      "  --no-config          read no configuration file\n"
	      "  --fail-on <level>    exit 1 only for results at note, warning or error and above,\n"
	      "                       or never (none); default: note\n"
	      "  --baseline <file>    an earlier SARIF log: only new results count and are shown\n"
	      "  --show-unresolved    also report chains through calls on objects found at run\n"
	      "                       time (a GObject's class or interface), at level note\n"
	      "  --entry-flows <n>    show the shortest chain from up to n (1-5) entry functions\n"
	      "                       that reach each result; default 1\n"
	      "  --report-unused-suppressions\n"
	      "                       note suppression comments that suppress nothing\n"
	      "  --summary            print a line of counts per rule on standard error\n"
	      "  --accept-failures <glob>\n"
	      "                       a TU matching it that does not parse cleanly does not make\n"
	      "                       the run incomplete (repeatable); the summary still names it\n"
	      "  --tu-timeout <s>     give up a file libclang takes longer than s seconds on\n"
	      "                       (the run is then incomplete); 0: no limit; default 300\n"
	      "  --cache <dir>        keep per-TU summaries in <dir> (default: .sova-cache)\n"
	      "  --no-cache           parse everything, keep nothing\n"
	      "  --cache-max-size <n> keep the cache under n bytes, K, M or G (default: 512M)\n"
	      "  --timings            print the time each stage took on standard error\n"
	      "  --shard K/N          only the TUs whose position in the compile database is\n"
	      "                       K-1 modulo N (for extract; check then misses cross-shard calls)\n"
	      "  --dump-facts         print the per-TU facts as JSON and stop\n"
	      "  --dump-program       print the link units and each indirect call's targets as\n"
	      "                       JSON and stop\n"
	      "  --explain FILE:LINE  print why each blocking call on that line is or is not\n"
	      "                       reported: its contexts, chains, and the calls on the way\n"
	      "                       in that were not followed, with the reason; then stop\n"
	      "  -q, --quiet          no progress on standard error\n"
	      "  -h, --help           show this help\n"
	      "  --version            show the version\n"
	      "\n"
	      "exit status: 0 no results, 1 results, 2 usage or configuration error (no\n"
	      "translation unit to analyse, too), 3 the run is incomplete (a file did not\n"
	      "parse cleanly: a missing header, an error) or failed\n",
	      stdout);
}

static int need_value(int argc, char **argv, int *i, const char **value, char *err, size_t errlen)
{
	if (*i + 1 >= argc) {
		snprintf(err, errlen, "option '%s' needs a value", argv[*i]);
		return -1;
	}
	*value = argv[++*i];
	return 0;
}

static int parse_jobs(const char *s, int *jobs, char *err, size_t errlen)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 1 || n > 1024) {
		snprintf(err, errlen, "-j takes a number from 1 to 1024, not '%s'", s);
		return -1;
	}
	*jobs = (int)n;
	return 0;
}

/* FILE:LINE, split at the last colon; the line is a positive number. */
static int parse_explain(const char *s, struct sova_cli *cli, char *err, size_t errlen)
{
	const char *colon = strrchr(s, ':');
	char *end = NULL;
	long line = colon ? strtol(colon + 1, &end, 10) : 0;
	if (!colon || colon == s || !colon[1] || *end != '\0' || line < 1 || line > 100000000) {
		snprintf(err, errlen, "--explain takes FILE:LINE with a line number from 1, not '%s'", s);
		return -1;
	}
	free(cli->explain_file);
	cli->explain_file = sova_xstrndup(s, (size_t)(colon - s));
	cli->explain_line = (unsigned)line;
	return 0;
}

/* A size such as 512M: bytes, or K, M or G of them (powers of 1024). */
static int parse_size(const char *s, unsigned long long *size, char *err, size_t errlen)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	unsigned shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (!isdigit((unsigned char)*s) || *end != '\0' || errno || n == 0 || n > (~0ULL >> shift)) {
		snprintf(err, errlen, "--cache-max-size takes a size such as 512M or 2G, not '%s'", s);
		return -1;
	}
	*size = n << shift;
	return 0;
}

/* --entry-flows N, from 1 to SOVA_ENTRY_FLOWS. */
static int parse_entry_flows(const char *s, int *flows, char *err, size_t errlen)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end != '\0' || n < 1 || n > SOVA_ENTRY_FLOWS) {
		snprintf(err, errlen, "--entry-flows takes a number from 1 to %d, not '%s'", SOVA_ENTRY_FLOWS, s);
		return -1;
	}
	*flows = (int)n;
	return 0;
}

/* --tu-timeout SECONDS: a number from 0 (no limit) to a week. */
static int parse_tu_timeout(const char *s, double *seconds, char *err, size_t errlen)
{
	char *end;
	errno = 0;
	double n = strtod(s, &end);
	if (!(isdigit((unsigned char)*s) || *s == '.') || *end != '\0' || errno || !(n >= 0 && n <= 604800)) {
		snprintf(err, errlen, "--tu-timeout takes seconds from 0 (no limit) to 604800, not '%s'", s);
		return -1;
	}
	*seconds = n;
	return 0;
}

static int parse_shard(const char *s, int *shard, int *nshards, char *err, size_t errlen)
{
	char *slash;
	long k = strtol(s, &slash, 10), n = *slash == '/' ? strtol(slash + 1, NULL, 10) : 0;
	int valid = *slash == '/' && n >= 1 && n <= 100000 && k >= 1 && k <= n;
	for (const char *p = slash + 1; valid && *p; p++)
		valid = *p >= '0' && *p <= '9';
	if (!valid) {
		snprintf(err, errlen, "--shard takes K/N with 1 <= K <= N, not '%s'", s);
		return -1;
	}
	*shard = (int)k;
	*nshards = (int)n;
	return 0;
}

static int parse_format(const char *s, enum sova_format *format, char *err, size_t errlen)
{
	if (strcmp(s, "text") == 0)
		*format = SOVA_FORMAT_TEXT;
	else if (strcmp(s, "sarif") == 0)
		*format = SOVA_FORMAT_SARIF;
	else if (strcmp(s, "codequality") == 0)
		*format = SOVA_FORMAT_CODEQUALITY;
	else {
		snprintf(err, errlen, "--format takes 'text', 'sarif' or 'codequality', not '%s'", s);
		return -1;
	}
	return 0;
}


/* The capacities of the lists options grow. */
struct list_caps {
	size_t models, accept_failures, extra_before, extra_after;
};

/* --extra-arg FLAG, --extra-arg=FLAG (clang-tidy's spelling): 1 when a[]
 * is the option, with the flag added to the list; -1 without a value. */
static int extra_arg(int argc, char **argv, int *i, const char *option, char ***list, size_t *n, size_t *cap,
		     char *err, size_t errlen)
{
	const char *a = argv[*i], *v = NULL;
	size_t len = strlen(option);
	if (strncmp(a, option, len) != 0 || (a[len] != '\0' && a[len] != '='))
		return 0;
	if (a[len] == '=')
		v = a + len + 1;
	else if (need_value(argc, argv, i, &v, err, errlen))
		return -1;
	SOVA_PUSH(*list, *n, *cap, (char *)v);
	return 1;
}

/* One option at argv[*i]; returns 1 when it was one, 0 when not, -1 on error. */
static int parse_option(int argc, char **argv, int *i, struct sova_cli *cli, struct list_caps *caps, char *err,
			size_t errlen)
{
	const char *a = argv[*i], *v = NULL;
	int extra = extra_arg(argc, argv, i, "--extra-arg-before", &cli->extra_before, &cli->nextra_before,
			      &caps->extra_before, err, errlen);
	if (!extra)
		extra = extra_arg(argc, argv, i, "--extra-arg", &cli->extra_after, &cli->nextra_after,
				  &caps->extra_after, err, errlen);
	if (extra)
		return extra;
	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
		cli->command = SOVA_CMD_HELP;
	else if (strcmp(a, "--version") == 0)
		cli->command = SOVA_CMD_VERSION;
	else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
		cli->quiet = 1;
	else if (strcmp(a, "--dump-facts") == 0)
		cli->dump_facts = 1;
	else if (strcmp(a, "--dump-program") == 0)
		cli->dump_program = 1;
	else if (strcmp(a, "--show-unresolved") == 0)
		cli->show_unresolved = 1;
	else if (strcmp(a, "--entry-flows") == 0)
		return need_value(argc, argv, i, &v, err, errlen) || parse_entry_flows(v, &cli->entry_flows, err, errlen)
			       ? -1
			       : 1;
	else if (strcmp(a, "--tu-timeout") == 0)
		return need_value(argc, argv, i, &v, err, errlen) || parse_tu_timeout(v, &cli->tu_timeout, err, errlen)
			       ? -1
			       : 1;
	else if (strcmp(a, "--no-config") == 0)
		cli->no_config = 1;
	else if (strcmp(a, "--report-unused-suppressions") == 0)
		cli->report_unused = 1;
	else if (strcmp(a, "--summary") == 0)
		cli->summary = 1;
	else if (strcmp(a, "--no-cache") == 0)
		cli->no_cache = 1;
	else if (strcmp(a, "--timings") == 0)
		cli->timings = 1;
	else if (strcmp(a, "--cache") == 0)
		return need_value(argc, argv, i, &cli->cache, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--cache-max-size") == 0)
		return need_value(argc, argv, i, &v, err, errlen) ||
				       parse_size(v, &cli->cache_max_size, err, errlen)
			       ? -1
			       : 1;
	else if (strcmp(a, "--shard") == 0)
		return need_value(argc, argv, i, &v, err, errlen) ||
				       parse_shard(v, &cli->shard, &cli->nshards, err, errlen)
			       ? -1
			       : 1;
	else if (strcmp(a, "--config") == 0)
		return need_value(argc, argv, i, &cli->config, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--fail-on") == 0)
		return need_value(argc, argv, i, &cli->fail_on, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--baseline") == 0)
		return need_value(argc, argv, i, &cli->baseline, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--no-default-models") == 0)
		cli->default_models = 0;
	else if (strcmp(a, "--explain") == 0)
		return need_value(argc, argv, i, &v, err, errlen) || parse_explain(v, cli, err, errlen) ? -1 : 1;
	else if (strcmp(a, "-p") == 0)
		return need_value(argc, argv, i, &cli->compdb, err, errlen) ? -1 : 1;
	else if (strcmp(a, "-o") == 0)
		return need_value(argc, argv, i, &cli->output, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--srcroot") == 0)
		return need_value(argc, argv, i, &cli->srcroot, err, errlen) ? -1 : 1;
	else if (strcmp(a, "-j") == 0)
		return need_value(argc, argv, i, &v, err, errlen) || parse_jobs(v, &cli->jobs, err, errlen) ? -1 : 1;
	else if (strncmp(a, "-j", 2) == 0 && a[2])
		return parse_jobs(a + 2, &cli->jobs, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--format") == 0)
		return need_value(argc, argv, i, &v, err, errlen) || parse_format(v, &cli->format, err, errlen) ? -1 : 1;
	else if (strncmp(a, "--format=", 9) == 0)
		return parse_format(a + 9, &cli->format, err, errlen) ? -1 : 1;
	else if (strcmp(a, "--model") == 0) {
		if (need_value(argc, argv, i, &v, err, errlen))
			return -1;
		SOVA_PUSH(cli->models, cli->nmodels, caps->models, (char *)v);
	} else if (strcmp(a, "--accept-failures") == 0) {
		if (need_value(argc, argv, i, &v, err, errlen))
			return -1;
		SOVA_PUSH(cli->accept_failures, cli->naccept_failures, caps->accept_failures, (char *)v);
	} else
		return 0;
	return 1;
}

int sova_cli_parse(int argc, char **argv, struct sova_cli *cli, char *err, size_t errlen)
{
	memset(cli, 0, sizeof(*cli));
	cli->default_models = 1;
	cli->entry_flows = 1;
	cli->tu_timeout = 300;
	cli->cache_max_size = 512ULL << 20;
	struct list_caps caps = { 0, 0, 0, 0 };
	size_t capfiles = 0;
	int i = 1;
	if (i < argc && strcmp(argv[i], "rules") == 0) {
		cli->command = SOVA_CMD_RULES;
		i++;
	} else if (i < argc && strcmp(argv[i], "explain") == 0) {
		cli->command = SOVA_CMD_EXPLAIN;
		if (i + 1 >= argc) {
			snprintf(err, errlen, "'sova explain' needs a rule, such as SOVA001");
			return -1;
		}
		cli->explain = argv[i + 1];
		i += 2;
	} else if (i < argc && strcmp(argv[i], "baseline") == 0) {
		cli->command = SOVA_CMD_BASELINE;
		cli->format = SOVA_FORMAT_SARIF;
		i++;
	} else if (i < argc && strcmp(argv[i], "extract") == 0) {
		cli->command = SOVA_CMD_EXTRACT;
		i++;
	} else if (i < argc && strcmp(argv[i], "link") == 0) {
		cli->command = SOVA_CMD_LINK;
		i++;
	} else if (i < argc && strcmp(argv[i], "check") == 0) {
		i++;
	}
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			cli->flags = &argv[i + 1];
			cli->nflags = (size_t)(argc - i - 1);
			for (size_t k = 0; k < cli->nflags; k++)
				SOVA_PUSH(cli->extra_after, cli->nextra_after, caps.extra_after, cli->flags[k]);
			break;
		}
		int rc = parse_option(argc, argv, &i, cli, &caps, err, errlen);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1]) {
			snprintf(err, errlen, "unknown option '%s'", argv[i]);
			return -1;
		}
		SOVA_PUSH(cli->files, cli->nfiles, capfiles, argv[i]);
	}
	if (cli->command == SOVA_CMD_BASELINE && (!cli->output || strcmp(cli->output, "-") == 0)) {
		snprintf(err, errlen, "'sova baseline' needs -o <file>");
		return -1;
	}
	if (cli->command == SOVA_CMD_EXTRACT && (!cli->output || strcmp(cli->output, "-") == 0)) {
		snprintf(err, errlen, "'sova extract' needs -o <summaries file>");
		return -1;
	}
	if (cli->command == SOVA_CMD_LINK && (!cli->nfiles || cli->compdb || cli->nflags)) {
		snprintf(err, errlen, "'sova link' takes summaries files written by 'sova extract', and no -p or --");
		return -1;
	}
	if (cli->command == SOVA_CMD_BASELINE && cli->format != SOVA_FORMAT_SARIF) {
		snprintf(err, errlen, "a baseline is a SARIF log: 'sova baseline' takes no other --format");
		return -1;
	}
	return 0;
}

void sova_cli_free(struct sova_cli *cli)
{
	free(cli->models);
	free(cli->accept_failures);
	free(cli->extra_before);
	free(cli->extra_after);
	free(cli->files);
	free(cli->explain_file);
	memset(cli, 0, sizeof(*cli));
}
