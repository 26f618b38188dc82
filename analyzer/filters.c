/* filters.c - stage 6b: which results the user sees, and how they count. */
#include "filters.h"

#include <stdlib.h>
#include <string.h>

#include "suppress.h"
#include "util.h"

/* ---- fingerprints ---- */

/* GitHub's primaryLocationLineHash: the line's text without white space. */
static uint64_t line_hash(struct sova_sources *sources, const struct sova_loc *loc)
{
	size_t len = 0;
	const char *text = sova_source_line(sources, loc->file, loc->line, &len);
	uint64_t h = SOVA_FNV_SEED;
	for (size_t i = 0; text && i < len; i++)
		if (text[i] != ' ' && text[i] != '\t')
			h = sova_fnv1a(&text[i], 1, h);
	return h;
}

/* sova's own: what the finding is (rule, file, function, message), not
 * where, so it moves with the code. */
static uint64_t finding_hash(const struct sova_program *prog, const char *srcroot, const struct sova_result *r)
{
	const char *path = prog->files[r->loc.file];
	size_t n = srcroot ? strlen(srcroot) : 0;
	if (n && strncmp(path, srcroot, n) == 0 && path[n] == '/')
		path += n + 1;
	uint64_t f = sova_fnv1a(r->rule->id, strlen(r->rule->id), SOVA_FNV_SEED);
	f = sova_fnv1a(path, strlen(path) + 1, f);
	f = sova_fnv1a(r->function, strlen(r->function) + 1, f);
	return sova_fnv1a(r->message, strlen(r->message), f);
}

/* Each hash gets ":N", N counting the earlier results of the file with the same hash. */
static void add_fingerprints(struct sova_results *results, const struct sova_program *prog,
			     struct sova_sources *sources, const char *srcroot)
{
	uint64_t *lh = sova_xcalloc(results->count + 1, sizeof(*lh));
	uint64_t *fh = sova_xcalloc(results->count + 1, sizeof(*fh));
	for (size_t i = 0; i < results->count; i++) {
		struct sova_result *r = &results->items[i];
		lh[i] = line_hash(sources, &r->loc);
		fh[i] = finding_hash(prog, srcroot, r);
		unsigned line_seen = 1, finding_seen = 1;
		for (size_t k = 0; k < i; k++) {
			if (results->items[k].loc.file != r->loc.file)
				continue;
			line_seen += lh[k] == lh[i];
			finding_seen += fh[k] == fh[i];
		}
		r->line_hash = sova_xasprintf("%016llx:%u", (unsigned long long)lh[i], line_seen);
		r->fingerprint = sova_xasprintf("%016llx:%u", (unsigned long long)fh[i], finding_seen);
	}
	free(lh);
	free(fh);
}

/* ---- which results stay ---- */

static int in_files(const struct sova_program *prog, int file, const struct sova_filter_options *o)
{
	for (size_t i = 0; i < o->nonly_files; i++)
		if (file >= 0 && strcmp(prog->files[file], o->only_files[i]) == 0)
			return 1;
	return 0;
}

static int chain_in_files(const struct sova_program *prog, const struct sova_chain *chain,
			  const struct sova_filter_options *o)
{
	for (size_t i = 0; i < chain->nsteps; i++)
		if (in_files(prog, chain->steps[i].loc.file, o))
			return 1;
	return 0;
}

/* Pre-commit mode: a result concerns the files asked about when it, a step
 * of its chain, or a related place (the submit that made the worker) lies
 * in one of them: a change there may have made it. */
static int concerns_files(const struct sova_program *prog, const struct sova_result *r,
			  const struct sova_filter_options *o)
{
	return !o->only_files || in_files(prog, r->loc.file, o) || chain_in_files(prog, &r->chain, o) ||
	       chain_in_files(prog, &r->related, o);
}

static int keep(const struct sova_program *prog, const struct sova_result *r, const struct sova_filter_options *o)
{
	if (o->config && sova_config_excluded(o->config, prog->files[r->loc.file]))
		return 0;
	return concerns_files(prog, r, o);
}

static void drop_unwanted(struct sova_results *results, const struct sova_program *prog,
			  const struct sova_filter_options *o)
{
	size_t kept = 0;
	for (size_t i = 0; i < results->count; i++) {
		if (keep(prog, &results->items[i], o))
			results->items[kept++] = results->items[i];
		else
			sova_result_free(&results->items[i]);
	}
	results->count = kept;
}

/* ---- suppressions ---- */

struct marker {
	int file;
	unsigned line;
	struct sova_suppression s;
	int used;
};

struct markers {
	struct marker *items;
	size_t count, cap;
};

static void add_notice(struct sova_notices *notices, int file, unsigned line, unsigned col, char *message)
{
	struct sova_notice n = { { file, line, col, line, col + 1 }, message };
	SOVA_PUSH(notices->items, notices->count, notices->cap, n);
}

struct marked_line {
	int file; /* in the program's file table */
	unsigned line;
	const char *text;
};

static int line_order(const void *a, const void *b)
{
	const struct marked_line *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* Every suppression comment in the program's files, from the lines the
 * extraction kept (facts.h); malformed ones are noticed. A header's comments
 * come from every TU that includes it, and count once. */
static void find_markers(const struct sova_program *prog, struct markers *out, struct sova_notices *notices)
{
	struct marked_line *lines = NULL;
	size_t n = 0, cap = 0;
	for (size_t t = 0; t < prog->ntus; t++) {
		for (size_t i = 0; i < prog->tus[t].nmarkers; i++) {
			const struct sova_marker *m = &prog->tus[t].markers[i];
			struct marked_line l = { prog->file_maps[t][m->file], m->line, m->text };
			SOVA_PUSH(lines, n, cap, l);
		}
	}
	if (n)
		qsort(lines, n, sizeof(*lines), line_order);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && lines[i].file == lines[i - 1].file && lines[i].line == lines[i - 1].line)
			continue;
		struct marker m = { lines[i].file, lines[i].line, { 0 }, 0 };
		char err[256];
		int rc = sova_parse_suppression(lines[i].text, strlen(lines[i].text), &m.s, err, sizeof(err));
		if (rc < 0)
			add_notice(notices, m.file, m.line, 1, sova_xasprintf("malformed suppression: %s", err));
		if (rc > 0)
			SOVA_PUSH(out->items, out->count, out->cap, m);
	}
	free(lines);
}

static int names_rule(const struct sova_suppression *s, const struct sova_rule *rule)
{
	if (s->all)
		return 1;
	for (size_t i = 0; i < s->nrules; i++)
		if (sova_rule_find(s->rules[i]) == rule)
			return 1;
	return 0;
}

static void suppress(struct sova_results *results, struct markers *markers)
{
	for (size_t i = 0; i < results->count; i++) {
		struct sova_result *r = &results->items[i];
		for (size_t k = 0; k < markers->count && !r->suppressed; k++) {
			struct marker *m = &markers->items[k];
			if (m->file != r->loc.file || (m->line != r->loc.line && m->line + 1 != r->loc.line) ||
			    !names_rule(&m->s, r->rule))
				continue;
			m->used = 1;
			r->suppressed = 1;
			r->justification = sova_xstrdup(m->s.reason);
		}
	}
}

static void notice_markers(const struct markers *markers, const struct sova_filter_options *o,
			   struct sova_notices *notices)
{
	for (size_t k = 0; k < markers->count; k++) {
		const struct marker *m = &markers->items[k];
		for (size_t i = 0; i < m->s.nrules; i++)
			if (!sova_rule_find(m->s.rules[i]))
				add_notice(notices, m->file, m->line, m->s.col,
					   sova_xasprintf("suppression names an unknown rule '%s'", m->s.rules[i]));
		if (o->report_unused && !m->used)
			add_notice(notices, m->file, m->line, m->s.col,
				   sova_xstrdup("unused suppression: nothing is reported here for it to suppress"));
	}
}

/* ---- the stage ---- */

void sova_filter_results(struct sova_results *results, const struct sova_program *prog, struct sova_sources *sources,
			 const struct sova_filter_options *options, struct sova_notices *notices)
{
	memset(notices, 0, sizeof(*notices));
	add_fingerprints(results, prog, sources, options->srcroot);
	drop_unwanted(results, prog, options);
	struct markers markers = { NULL, 0, 0 };
	find_markers(prog, &markers, notices);
	suppress(results, &markers);
	notice_markers(&markers, options, notices);
	free(markers.items);
	for (size_t i = 0; options->baseline && i < results->count; i++) {
		struct sova_result *r = &results->items[i];
		r->baseline = sova_baseline_match(options->baseline, r->rule->id, r->fingerprint, r->line_hash);
	}
}

void sova_notices_free(struct sova_notices *notices)
{
	for (size_t i = 0; i < notices->count; i++)
		free(notices->items[i].message);
	free(notices->items);
	memset(notices, 0, sizeof(*notices));
}

int sova_result_counts(const struct sova_result *result, int fail_on)
{
	if (result->suppressed || fail_on == SOVA_FAIL_ON_NONE)
		return 0;
	if (result->baseline != SOVA_BASELINE_NONE && result->baseline != SOVA_BASELINE_NEW)
		return 0;
	return (int)result->level >= fail_on;
}
