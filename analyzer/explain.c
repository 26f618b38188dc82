/* explain.c - --explain FILE:LINE: why the blocking calls on one line are, or are not, reported.
 *
 * For each blocking site on the line it prints what the call blocks on, the
 * contexts that reach its function with the shortest chain from each, the
 * self-wait found, and the calls on the ways into the function that the
 * searches did not follow, with the reason: a condition the caller's
 * arguments contradict, a path that ends the process, a call through an
 * object found at run time, a step into another program's code. It reads
 * the engine after the searches, which keep those calls only when asked
 * (engine.record_pruned), so a normal run pays nothing for it. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_UP_DEFS 4096     /* functions looked at above the site's */
#define MAX_PRUNED_SHOWN 40  /* not-followed calls printed per site */
#define MAX_UP_DEPTH 4       /* callers looked at, in calls above the site's function */

int sova_explain_file_matches(const char *path, const char *want)
{
	size_t n = strlen(path), m = strlen(want);
	if (strcmp(path, want) == 0)
		return 1;
	return want[0] != '/' && n > m && path[n - m - 1] == '/' && strcmp(path + n - m, want) == 0;
}

/* Where the text goes, and the directory its paths are shown relative to. */
struct explainer {
	FILE *out;
	const struct sova_engine *e;
	const char *base;
};

static void print_loc(const struct explainer *x, struct sova_loc loc)
{
	const struct sova_program *prog = x->e->prog;
	const char *file = loc.file >= 0 && (size_t)loc.file < prog->nfiles ? prog->files[loc.file] : "?";
	fprintf(x->out, "%s:%u:%u", sova_display_path(file, x->base), loc.line, loc.col);
}

static void print_chain(const struct explainer *x, const struct sova_chain *chain)
{
	FILE *out = x->out;
	for (size_t i = 0; i < chain->nsteps; i++) {
		fprintf(out, "      %*s", (int)(2 * (chain->steps[i].depth ? chain->steps[i].depth - 1 : 0)), "");
		print_loc(x, chain->steps[i].loc);
		fprintf(out, ": %s\n", chain->steps[i].message);
	}
}

static void print_context(const struct explainer *x, const char *which,
			  const struct sova_context_path *path)
{
	FILE *out = x->out;
	if (!path->reached) {
		fprintf(out, "  from %s: not reached\n", which);
		return;
	}
	char *how = sova_entry_origin_phrase(path->origin, path->how);
	fprintf(out, "  from %s: reached from '%s' (%s context, %s)%s\n", which, path->entry,
		sova_context_name(path->context), how,
		path->unresolved ? ", through a call on an object found at run time" : "");
	free(how);
	print_chain(x, &path->chain);
}

static int same_chain(const struct sova_chain *a, const struct sova_chain *b)
{
	if (a->nsteps != b->nsteps)
		return 0;
	for (size_t i = 0; i < a->nsteps; i++)
		if (memcmp(&a->steps[i].loc, &b->steps[i].loc, sizeof(a->steps[i].loc)) != 0 ||
		    strcmp(a->steps[i].message, b->steps[i].message) != 0)
			return 0;
	return 1;
}

/* The member names of a condition's path: ".task.cb". */
static void print_member_path(FILE *out, const char *path)
{
	for (const char *p = path ? strchr(path, SOVA_PATH_MEMBER) : NULL; p; p = strchr(p + 1, SOVA_PATH_MEMBER)) {
		const char *end = strchr(p + 1, SOVA_PATH_MEMBER);
		size_t len = end ? (size_t)(end - p - 1) : strlen(p + 1);
		const char *fi = NULL;
		for (const char *q = p + 1; q + 4 <= p + 1 + len; q++)
			if (strncmp(q, "@FI@", 4) == 0)
				fi = q + 4;
		if (fi)
			fprintf(out, ".%.*s", (int)(p + 1 + len - fi), fi);
	}
}

static void print_cond(FILE *out, const struct sova_cond *cond)
{
	const char *op = cond->rel == SOVA_COND_LESS ? (cond->equal ? "<" : ">=") : cond->equal ? "==" : "!=";
	if (cond->mask) {
		fprintf(out, "(parameter %d", cond->param);
		print_member_path(out, cond->path);
		fprintf(out, " & %#lx) %s %#lx", (unsigned long)cond->mask, op, (unsigned long)cond->value);
		return;
	}
	fprintf(out, "parameter %d", cond->param);
	print_member_path(out, cond->path);
	fprintf(out, " %s %ld", op, cond->value);
}

static void print_context_test(FILE *out, enum sova_context context, const char *lead)
{
	char *ctx = sova_context_phrase(context);
	fprintf(out, "%sa context test before the call says it does not run in %s", lead, ctx);
	free(ctx);
}

static void print_bound(const struct explainer *x, struct sova_bound b)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	if (b.kind == SOVA_BOUND_INT)
		fprintf(out, "%ld", b.num);
	else if (b.kind == SOVA_BOUND_FUNC)
		fprintf(out, "the function '%s'", e->prog->syms[b.num].name);
	else if (b.kind == SOVA_BOUND_SLOT)
		fprintf(out, "a variable's member");
	else /* NONNULL: a pointer's address, or a flag tested true (`if (!it->async) return;`) */
		fprintf(out, "a non-zero value");
}

/* "the call runs only when T, and <who> binds it to B": T is condition
 * cond of call c (a cond, or a pair of its entry_conds), B what bound. */
static void print_contradiction(const struct explainer *x, const struct sova_call *c, int cond,
				const struct sova_bound bound[2], const char *who)
{
	FILE *out = x->out;
	fprintf(out, "the call runs only when ");
	if ((size_t)cond < c->nconds) {
		print_cond(out, &c->conds[cond]);
		fprintf(out, ", and %s binds it to ", who);
		print_bound(x, bound[0]);
		return;
	}
	const struct sova_either *either = &c->entry_conds[(size_t)cond - c->nconds];
	print_cond(out, &either->a);
	fprintf(out, " on entry");
	int two = !sova_cond_same(&either->a, &either->b);
	if (two) {
		fprintf(out, " or its loop runs again (");
		print_cond(out, &either->b);
		fprintf(out, ")");
	}
	fprintf(out, ", and %s binds %s to ", who, two ? "them" : "it");
	print_bound(x, bound[0]);
	if (two) {
		fprintf(out, " and ");
		print_bound(x, bound[1]);
	}
}

static void print_reason(const struct explainer *x, const struct sova_reach *reach,
			 const struct sova_pruned *p)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	int def = reach->states[p->state].def;
	const struct sova_call *c = sova_engine_call(e, def, p->call);
	switch (p->reason) {
	case SOVA_PRUNE_CONDITION:
		print_contradiction(x, c, p->cond, p->bound, "the caller");
		return;
	case SOVA_PRUNE_EXHAUSTION:
		fprintf(out, "the call runs only after an allocation or another resource failed");
		return;
	case SOVA_PRUNE_FATAL:
		fprintf(out, "every path from the call ends the process");
		return;
	case SOVA_PRUNE_UNRESOLVED:
		fprintf(out, "the call goes through an object found at run time (shown with --show-unresolved)");
		return;
	case SOVA_PRUNE_OTHER_PROGRAM:
		fprintf(out, "'%s' here is another program's code", e->prog->defs[p->target].fn->name);
		return;
	case SOVA_PRUNE_CONTEXT:
		print_context_test(out, e->entries[reach->states[p->state].entry].context, "");
		return;
	}
}

/* The not-followed calls of both searches, chained by the caller's (def, call). */
struct pruned_index {
	struct sova_strmap first; /* "def:call" -> first record */
	int *next;
	const struct sova_pruned **records;
	const struct sova_reach **reaches;
	size_t n;
};

static void index_reach(struct pruned_index *ix, const struct sova_reach *reach)
{
	for (size_t i = 0; i < reach->npruned; i++) {
		const struct sova_pruned *p = &reach->pruned[i];
		char key[48];
		snprintf(key, sizeof(key), "%d:%d", reach->states[p->state].def, p->call);
		ix->records[ix->n] = p;
		ix->reaches[ix->n] = reach;
		ix->next[ix->n] = sova_strmap_get(&ix->first, key);
		sova_strmap_put(&ix->first, key, (int)ix->n);
		ix->n++;
	}
}

static void index_init(struct pruned_index *ix, const struct sova_engine *e)
{
	size_t n = e->any.npruned + e->single.npruned + 1;
	sova_strmap_init(&ix->first);
	ix->next = sova_xmalloc(n * sizeof(int));
	ix->records = sova_xmalloc(n * sizeof(*ix->records));
	ix->reaches = sova_xmalloc(n * sizeof(*ix->reaches));
	ix->n = 0;
	index_reach(ix, &e->any);
	index_reach(ix, &e->single);
}

static void index_free(struct pruned_index *ix)
{
	sova_strmap_free(&ix->first);
	free(ix->next);
	free(ix->records);
	free(ix->reaches);
}

/* "entry -> f -> g": the functions of a state's chain, from its entry;
 * with brief, only the entry and the last two. */
static void print_state_chain(const struct explainer *x, const struct sova_reach *reach, int state, int brief)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	struct sova_path path;
	sova_worker_path(reach, state, &path);
	for (size_t i = 0; i < path.n; i++) {
		if (brief && i > 0 && i + 2 < path.n) {
			if (i == 1)
				fprintf(out, " -> ...");
			continue;
		}
		fprintf(out, "%s'%s'", i ? " -> " : "", e->prog->defs[path.defs[i]].fn->name);
	}
	free(path.defs);
	free(path.calls);
}

/* The two searches often refuse a call for the same reason: say it once. */
static int same_refusal(const struct pruned_index *ix, int a, int b)
{
	const struct sova_pruned *p = ix->records[a], *q = ix->records[b];
	return p->reason == q->reason && p->cond == q->cond && p->target == q->target &&
	       p->bound[0].kind == q->bound[0].kind && p->bound[0].num == q->bound[0].num &&
	       p->bound[1].kind == q->bound[1].kind && p->bound[1].num == q->bound[1].num;
}

static int told_before(const struct pruned_index *ix, const char *key, int k)
{
	for (int j = sova_strmap_get(&ix->first, key); j >= 0 && j != k; j = ix->next[j])
		if (same_refusal(ix, j, k))
			return 1;
	return 0;
}

/* One caller edge's records: a record names the edge when its call was
 * not followed at all, or when the step into this def was refused. */
static size_t print_edge(const struct explainer *x, const struct pruned_index *ix,
			 const struct sova_caller *caller, int callee, int depth, size_t shown)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	char key[48];
	snprintf(key, sizeof(key), "%d:%d", caller->def, caller->call);
	const struct sova_func *fn = e->prog->defs[caller->def].fn;
	for (int k = sova_strmap_get(&ix->first, key); k >= 0; k = ix->next[k]) {
		const struct sova_pruned *p = ix->records[k];
		if ((p->reason == SOVA_PRUNE_OTHER_PROGRAM && p->target != callee) || told_before(ix, key, k))
			continue;
		if (++shown > MAX_PRUNED_SHOWN)
			continue;
		fprintf(out, "    ");
		print_loc(x, sova_engine_loc(e, caller->def, fn->calls[caller->call].loc));
		fprintf(out, ": '%s' -> '%s'", fn->name, e->prog->defs[callee].fn->name);
		if (depth > 0)
			fprintf(out, " (%d call%s above)", depth, depth == 1 ? "" : "s");
		fprintf(out, ": ");
		print_reason(x, ix->reaches[k], p);
		fprintf(out, "; on the chain ");
		print_state_chain(x, ix->reaches[k], p->state, 1);
		fprintf(out, "\n");
	}
	return shown;
}

/* Breadth first up the callers from the site's function: every call into
 * one of them that a search reached but did not follow. */
static void print_pruned(const struct explainer *x, const struct pruned_index *ix, int def)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	int *queue = sova_xmalloc(MAX_UP_DEFS * sizeof(int));
	int *depth = sova_xmalloc(MAX_UP_DEFS * sizeof(int));
	unsigned char *seen = sova_xcalloc(e->prog->ndefs + 1, 1);
	size_t head = 0, tail = 0, shown = 0;
	queue[tail] = def;
	depth[tail++] = 0;
	seen[def] = 1;
	fprintf(out, "  calls into '%s' and the functions up to %d calls above it that were not followed:\n",
		e->prog->defs[def].fn->name, MAX_UP_DEPTH - 1);
	while (head < tail) {
		int d = queue[head], dd = depth[head++];
		for (size_t i = 0; i < e->ncallers[d]; i++) {
			const struct sova_caller *c = &e->callers[d][i];
			shown = print_edge(x, ix, c, d, dd, shown);
			if (!seen[c->def] && tail < MAX_UP_DEFS && dd + 1 < MAX_UP_DEPTH) {
				seen[c->def] = 1;
				queue[tail] = c->def;
				depth[tail++] = dd + 1;
			}
		}
	}
	if (shown == 0)
		fprintf(out, "    none\n");
	else if (shown > MAX_PRUNED_SHOWN)
		fprintf(out, "    ... and %zu more\n", shown - MAX_PRUNED_SHOWN);
	free(queue);
	free(depth);
	free(seen);
}

/* The chains that reach the site's function but in which the site's own
 * conditions cannot hold, or whose entry runs only once the thread the
 * call joins made its last act: the call is pruned there, not on the way in. */
static void print_refuted_states(const struct explainer *x, const struct sova_reach *reach, int def,
				 int call)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	const struct sova_call *c = sova_engine_call(e, def, call);
	size_t shown = 0, more = 0;
	for (int st = reach->first_state[def]; st >= 0; st = reach->next_state[st]) {
		struct sova_bound bound[2];
		int cond = sova_state_contradiction(e, reach, st, call, bound);
		const struct sova_entry *entry = &e->entries[reach->states[st].entry];
		int joined = cond < 0 && sova_join_finished(&e->joins, def, call, reach->states[st].entry);
		int shared_in = cond < 0 && !joined ? sova_shared_in_chain(e, reach, st, def, call) : -1;
		int shared = shared_in >= 0;
		int elsewhere = cond < 0 && !joined && !shared && sova_engine_context_excludes(e, def, call, entry->context);
		if (cond < 0 && !joined && !shared && !elsewhere)
			continue;
		if (shown++ == 0)
			fprintf(out, "  chains that reach '%s' in which this call cannot block:\n", e->prog->defs[def].fn->name);
		if (shown > MAX_PRUNED_SHOWN) {
			more++;
			continue;
		}
		fprintf(out, "    ");
		print_state_chain(x, reach, st, 0);
		if (joined) {
			fprintf(out, ": '%s' runs only after the last act of the thread the call joins\n",
				e->prog->syms[entry->sym].name);
			continue;
		}
		if (shared) {
			fprintf(out, ": '%s' runs only as a callback of a call that made the shared object '%s' "
				     "returns\n",
				e->prog->syms[shared_in].name, c->callee_name);
			continue;
		}
		if (elsewhere) {
			print_context_test(out, entry->context, ": ");
			fputc('\n', out);
			continue;
		}
		fprintf(out, ": ");
		print_contradiction(x, c, cond, bound, "this chain");
		fprintf(out, "\n");
	}
	if (more)
		fprintf(out, "    ... and %zu more\n", more);
}

static void print_site(const struct explainer *x, const struct pruned_index *ix,
		       const struct sova_site *site, int def, int call)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	print_loc(x, site->loc);
	if (site->is_wait)
		fprintf(out, ": '%s' in '%s': waits on async work%s\n", site->callee, site->function,
			site->bounded ? ", with a timeout" : "");
	else
		fprintf(out, ": '%s' in '%s': blocks (%s)%s\n", site->callee, site->function,
			sova_block_kind_name(site->kind), site->bounded ? ", with a timeout" : "");
	print_context(x, "any async context", &site->async);
	if (site->single.reached && same_chain(&site->async.chain, &site->single.chain))
		fprintf(out, "  from a single-threaded context: the same chain\n");
	else
		print_context(x, "a single-threaded context", &site->single);
	if (site->self_wait)
		fprintf(out, "  self-wait: on '%s', %s\n", site->executor,
			site->self_handle ? "the object of the callback it runs in" : "the executor the task runs on");
	if (site->prov != SOVA_PROV_NONE)
		fprintf(out, "  the future comes from '%s'\n", site->prov_api);
	print_refuted_states(x, &e->any, def, call);
	print_pruned(x, ix, def);
}

/* The def whose body holds the site, and the site's call in it; -1 when none. */
static int site_def(const struct sova_engine *e, const struct sova_site *site, int *call)
{
	for (size_t d = 0; d < e->prog->ndefs; d++) {
		const struct sova_func *fn = e->prog->defs[d].fn;
		if (strcmp(fn->name, site->function) != 0)
			continue;
		for (size_t c = 0; c < fn->ncalls; c++) {
			struct sova_loc loc = sova_engine_loc(e, (int)d, fn->calls[c].loc);
			if (loc.file == site->loc.file && loc.line == site->loc.line && loc.col == site->loc.col) {
				*call = (int)c;
				return (int)d;
			}
		}
	}
	return -1;
}

/* Why a call that is not a blocking site is not one. */
static const char *not_a_site(const struct sova_engine *e, int def, int call)
{
	if (sova_engine_on_exhaustion(e, def, call))
		return "it runs only after an allocation or another resource failed";
	if (sova_engine_on_fatal_path(e, def, call))
		return "every path from it ends the process";
	const struct sova_api_fn *wait = sova_engine_api(e, def, call, SOVA_API_WAIT);
	if (wait && sova_wait_proven(e, def, call, wait))
		return "the future is proven complete here (a ready check, or an earlier wait on it)";
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (c->callee_usr && sova_models_lookup(e->models, c->callee_name))
		return "a model knows it, but not as blocking with these arguments in this file";
	return "no loaded model says it blocks";
}

/* The calls on the line when none of them is a blocking site. */
static void print_calls_on_line(const struct explainer *x, const char *file, unsigned line)
{
	FILE *out = x->out;
	const struct sova_engine *e = x->e;
	size_t n = 0;
	for (size_t d = 0; d < e->prog->ndefs; d++) {
		const struct sova_func *fn = e->prog->defs[d].fn;
		for (size_t c = 0; c < fn->ncalls; c++) {
			struct sova_loc loc = sova_engine_loc(e, (int)d, fn->calls[c].loc);
			if (loc.line != line || !sova_explain_file_matches(e->prog->files[loc.file], file))
				continue;
			if (n++ == 0)
				fprintf(out, "%s:%u: no blocking call on this line:\n", file, line);
			fprintf(out, "  ");
			print_loc(x, loc);
			fprintf(out, ": '%s' in '%s': %s\n", fn->calls[c].callee_name, fn->name, not_a_site(e, (int)d, (int)c));
		}
	}
	if (n == 0)
		fprintf(out, "%s:%u: no call on this line in the analysed files\n", file, line);
}

char *sova_explain(const struct sova_engine *e, const struct sova_analysis *analysis,
		   const struct sova_analyze_options *options)
{
	const char *file = options->explain_file;
	unsigned line = options->explain_line;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		sova_oom();
	const struct explainer explainer = { out, e, options->explain_base }, *x = &explainer;
	struct pruned_index ix;
	index_init(&ix, e);
	size_t found = 0;
	for (size_t i = 0; i < analysis->nsites; i++) {
		const struct sova_site *site = &analysis->sites[i];
		int call = -1;
		int def = site->loc.line == line ? site_def(e, site, &call) : -1;
		if (def < 0 || !sova_explain_file_matches(e->prog->files[site->loc.file], file))
			continue;
		if (found++)
			fprintf(out, "\n");
		print_site(x, &ix, site, def, call);
	}
	if (!found)
		print_calls_on_line(x, file, line);
	index_free(&ix);
	if (fclose(out) != 0)
		sova_oom();
	return text;
}
