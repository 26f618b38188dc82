/* results.c - stage 6: rules turn blocking sites into results. */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

void sova_result_free(struct sova_result *r)
{
	free(r->message);
	free(r->fingerprint);
	free(r->line_hash);
	free(r->justification);
	sova_chain_free(&r->chain);
	sova_chains_free(r->other_flows, r->nother_flows);
	free(r->other_entries);
	sova_chain_free(&r->related);
}

static int apply_one(const struct sova_site *site, sova_level_fn level_of, const void *level_data,
		     struct sova_result *out)
{
	for (const struct sova_rule *const *rule = sova_rules; *rule; rule++) {
		int level = level_of ? level_of(*rule, site->kind, level_data) : SOVA_CONFIG_LEVEL_UNSET;
		if (level == SOVA_CONFIG_LEVEL_OFF)
			continue;
		struct sova_result r;
		memset(&r, 0, sizeof(r));
		if (!(*rule)->check(site, &r))
			continue;
		if (level != SOVA_CONFIG_LEVEL_UNSET)
			r.level = (enum sova_level)level;
		/* Shown only on request, and never as more than a note. */
		if (r.unresolved)
			r.level = SOVA_LEVEL_NOTE;
		r.rule = *rule;
		r.kind = site->kind;
		r.loc = site->loc;
		r.function = site->function;
		*out = r;
		return 1;
	}
	return 0;
}

static int rule_rank(const struct sova_rule *rule)
{
	int rank = 0;
	while (sova_rules[rank] && sova_rules[rank] != rule)
		rank++;
	return rank;
}

/* Sorting needs the file paths; qsort has no context argument. */
struct sort_item {
	struct sova_result result;
	const char *path;
};

static int compare_results(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);
	if (c)
		return c;
	if (a->result.loc.line != b->result.loc.line)
		return a->result.loc.line < b->result.loc.line ? -1 : 1;
	if (a->result.loc.col != b->result.loc.col)
		return a->result.loc.col < b->result.loc.col ? -1 : 1;
	/* At one place, the rule of highest precedence sorts first and is kept. */
	c = rule_rank(a->result.rule) - rule_rank(b->result.rule);
	return c ? c : strcmp(a->result.message, b->result.message);
}

static int same_place(const struct sort_item *a, const struct sort_item *b)
{
	return strcmp(a->path, b->path) == 0 && a->result.loc.line == b->result.loc.line &&
	       a->result.loc.col == b->result.loc.col;
}

void sova_apply_rules(const struct sova_analysis *analysis, const struct sova_program *prog, sova_level_fn level_of,
		      const void *level_data, struct sova_results *out)
{
	memset(out, 0, sizeof(*out));
	struct sort_item *items = sova_xcalloc(analysis->nsites + 1, sizeof(*items));
	size_t n = 0;
	for (size_t i = 0; i < analysis->nsites; i++) {
		const struct sova_site *site = &analysis->sites[i];
		if (site->loc.file < 0 || !apply_one(site, level_of, level_data, &items[n].result))
			continue;
		items[n].path = prog->files[site->loc.file];
		n++;
	}
	qsort(items, n, sizeof(*items), compare_results);
	for (size_t i = 0; i < n; i++) {
		/* A call in a header reached from several bodies is one blocking site. */
		if (out->count && same_place(&items[i], &items[i - 1])) {
			sova_result_free(&items[i].result);
			continue;
		}
		SOVA_PUSH(out->items, out->count, out->cap, items[i].result);
	}
	free(items);
}

void sova_results_free(struct sova_results *results)
{
	for (size_t i = 0; i < results->count; i++)
		sova_result_free(&results->items[i]);
	free(results->items);
	memset(results, 0, sizeof(*results));
}
