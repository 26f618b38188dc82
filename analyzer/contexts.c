/* contexts.c - stage 5's driver: blocking sites, their facts and their chains.
 *
 * Builds the stage's index (engine.c), finds the calls through objects
 * found at run time (unresolved.c), has workers.c find the async contexts
 * and what they reach, and joins.c the joins of threads already at their
 * end; then visits every call that blocks and asks provenance.c and
 * selfwait.c what the rules need to know about it. Everything it calls
 * depends only on the index and on what ran before it here. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- sites ---- */

/* The call can block in the state's chain: its conditions can hold there,
 * it is not a join of a thread whose last act ran the chain's entry, nor a
 * call for a shared object a callback on the chain runs with. */
static int blocks_in_state(const struct sova_engine *e, const struct sova_reach *reach, int state, int def, int call)
{
	const struct sova_entry *entry = &e->entries[reach->states[state].entry];
	return sova_state_allows(e, reach, state, call) &&
	       !sova_engine_context_excludes(e, def, call, entry->context) &&
	       !sova_engine_nested_in_own_pool(e, def, call, entry) &&
	       !sova_join_finished(&e->joins, def, call, reach->states[state].entry) &&
	       sova_shared_in_chain(e, reach, state, def, call) < 0;
}

/* The first state of def, in search order (the shortest chain), in which
 * the call can block; one with no unresolved call first. */
static int first_feasible(const struct sova_engine *e, const struct sova_reach *reach, int def, int call)
{
	int fallback = -1;
	for (int s = reach->first_state[def]; s >= 0; s = reach->next_state[s]) {
		if (!blocks_in_state(e, reach, s, def, call))
			continue;
		if (!reach->states[s].unresolved)
			return s;
		if (fallback < 0)
			fallback = s;
	}
	return fallback;
}

/* The first call of a path that sova could not resolve, as a step. */
static void note_unresolved(const struct sova_engine *e, const struct sova_path *path, struct sova_step *out)
{
	for (size_t i = 0; i + 1 < path->n; i++) {
		if (!sova_engine_unresolved(e, path->defs[i], path->calls[i]))
			continue;
		const struct sova_call *c = sova_engine_call(e, path->defs[i], path->calls[i]);
		out->loc = sova_engine_loc(e, path->defs[i], c->loc);
		out->message = sova_xasprintf("'%s' calls through '%s', an object found at run time: sova cannot "
					      "tell which function it is",
					      sova_engine_def_name(e, path->defs[i]), c->callee_name);
		return;
	}
}

/* The shortest feasible chain from each entry function other than the
 * first's, in search order (shortest first), up to --entry-flows in all;
 * through an unresolved call only when the first chain is. A chain that
 * picked a callee among several stored in one field is left out:
 * field-based resolution lets every aio callback reach every other (nng's
 * task->task_cb), and such a second chain is rarely one that can happen.
 * The first chain is shown as before. */
static void other_chains(const struct sova_engine *e, const struct sova_reach *reach, int def, int call,
			 int first, struct sova_context_path *out)
{
	int shown[SOVA_ENTRY_FLOWS] = { e->entries[reach->states[first].entry].sym };
	size_t nshown = 1;
	out->others = sova_xcalloc((size_t)e->entry_flows, sizeof(*out->others));
	out->other_entries = sova_xcalloc((size_t)e->entry_flows, sizeof(*out->other_entries));
	for (int s = reach->first_state[def]; s >= 0; s = reach->next_state[s]) {
		const struct sova_worker_state *st = &reach->states[s];
		const struct sova_entry *entry = &e->entries[st->entry];
		int seen = 0;
		for (size_t i = 0; i < nshown && !seen; i++)
			seen = shown[i] == entry->sym;
		if (seen || (st->unresolved && !out->unresolved) || !blocks_in_state(e, reach, s, def, call) ||
		    st->ambiguous)
			continue;
		if (nshown >= (size_t)e->entry_flows) {
			out->more_entries = 1;
			return;
		}
		shown[nshown++] = entry->sym;
		struct sova_path path;
		sova_worker_path(reach, s, &path);
		struct sova_step submitted;
		sova_worker_chain(e, &path, call, entry, &out->others[out->nothers], &submitted);
		free(submitted.message);
		out->other_entries[out->nothers++] = sova_engine_def_name(e, path.defs[0]);
		free(path.defs);
		free(path.calls);
	}
	out->more_entries = out->nothers && reach->more_entries[def];
}

/* The shortest feasible chain to the call, and one from each other entry. */
static void fill_context(const struct sova_engine *e, const struct sova_reach *reach, int def, int call,
			 struct sova_context_path *out)
{
	int state = first_feasible(e, reach, def, call);
	if (state < 0)
		return;
	const struct sova_entry *entry = &e->entries[reach->states[state].entry];
	struct sova_path path;
	sova_worker_path(reach, state, &path);
	out->reached = 1;
	out->context = entry->context;
	out->entry = sova_engine_def_name(e, path.defs[0]);
	out->how = entry->how;
	out->origin = entry->origin;
	out->registered = entry->def >= 0;
	out->unresolved = reach->states[state].unresolved;
	if (out->unresolved)
		note_unresolved(e, &path, &out->unresolved_at);
	sova_worker_chain(e, &path, call, entry, &out->chain, &out->submitted);
	free(path.defs);
	free(path.calls);
	if (e->entry_flows > 1)
		other_chains(e, reach, def, call, state, out);
}

/* What kind of blocking a call is, if any: a wait on async work or a
 * generic block; the model entry that says so, when one does. */
struct blocking_call {
	int is_wait, generic, bounded;
	int is_wrapper; /* a nested-loop wrapper, described by wrapper */
	struct sova_loop_wrapper wrapper;
	enum sova_block_kind kind;
	const char *callee;
	const struct sova_api_fn *api;
};

static int annotated_blocking(const struct sova_engine *e, int def, int call, struct blocking_call *b)
{
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++) {
		const struct sova_sym *s = &e->prog->syms[*t];
		/* "Safe from both contexts" wins over "waits": QEMU's coroutine_mixed_fn
		 * on a co_wrapper_mixed function carries both annotations. */
		if (sova_sym_annotated(s, SOVA_ANN_NONBLOCKING) || sova_engine_annotation(e, *t, SOVA_ANN_MEANS_NONBLOCKING))
			continue;
		if (sova_sym_annotated(s, SOVA_ANN_BLOCKING) || sova_engine_annotation(e, *t, SOVA_ANN_MEANS_WAIT)) {
			b->is_wait = 1;
			b->kind = SOVA_BLOCK_ASYNC;
			b->callee = s->name;
			return 1;
		}
		if (sova_engine_annotation(e, *t, SOVA_ANN_MEANS_BLOCKING)) {
			b->generic = 1;
			b->callee = s->name;
			return 1;
		}
	}
	return 0;
}

/* A model knows the function blocks only under a condition that this call
 * does not meet (aio_poll(ctx, false)): the model's word beats an annotation. */
static int modelled_not_blocking(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (!c->callee_usr)
		return 0;
	const struct sova_models *m = e->models;
	int tu = e->prog->defs[def].tu;
	for (const struct sova_api_fn *fn = sova_models_lookup(m, c->callee_name); fn;
	     fn = fn->next >= 0 ? &m->fns[fn->next] : NULL)
		if ((fn->role == SOVA_API_WAIT || fn->role == SOVA_API_BLOCKING) &&
		    e->active[(size_t)tu * m->nmodels + (size_t)fn->model])
			return 1;
	return 0;
}

static int classify(const struct sova_engine *e, int def, int call, struct blocking_call *b)
{
	memset(b, 0, sizeof(*b));
	/* Retrying after memory ran out is no sync-over-async, nor is a wait
	 * while the process is ending. */
	if (sova_engine_on_exhaustion(e, def, call) || sova_engine_on_fatal_path(e, def, call))
		return 0;
	const struct sova_call *c = sova_engine_call(e, def, call);
	const struct sova_api_fn *api = sova_engine_api(e, def, call, SOVA_API_WAIT);
	if (!api) {
		const struct sova_api_fn *submit = sova_engine_api(e, def, call, SOVA_API_SUBMIT);
		api = submit && submit->waits ? submit : NULL;
	}
	if (api) {
		if (api->role == SOVA_API_WAIT && sova_wait_proven(e, def, call, api))
			return 0;
		b->is_wait = 1;
	} else if ((api = sova_engine_api(e, def, call, SOVA_API_BLOCKING))) {
		if (sova_start_handshake(e, def, call, api) || sova_join_after_handshake(e, def, call, api) ||
		    sova_io_ready(e, def, call, api) ||
		    sova_engine_arg_names_globals(e, def, call, &api->when))
			return 0;
		b->generic = 1;
		/* A loop run until started work stops it is also a wait on that work. */
		b->is_wrapper = sova_find_loop_wrapper(e, def, call, api, &b->wrapper);
		b->is_wait = b->is_wrapper;
	} else if (modelled_not_blocking(e, def, call)) {
		return 0;
	} else {
		return annotated_blocking(e, def, call, b);
	}
	b->api = api;
	b->bounded = api->bounded;
	b->kind = b->is_wait && !b->generic ? SOVA_BLOCK_ASYNC : api->blocks_on;
	/* Through a pointer, name the function it holds. */
	b->callee = c->callee_usr ? c->callee_name : api->function;
	return 1;
}

/* A nested-loop wrapper's provenance: the loop run, the call of the
 * helper that runs it (if a helper does), then the call that started the
 * work whose callback ends it. The wrapper is the function that started
 * the work: SOVA003 asks whether other code can call it. */
static void wrapper_origin(const struct sova_engine *e, int def, int call, const struct sova_loop_wrapper *w,
			   struct sova_site *site)
{
	const struct sova_call *run = sova_engine_call(e, def, call);
	const struct sova_call *first = sova_engine_call(e, w->def, w->start);
	const struct sova_func *wrapper = e->prog->defs[w->def].fn;
	site->prov = SOVA_PROV_ASYNC;
	site->prov_api = first->callee_name;
	site->wrapper = wrapper->name;
	site->wrapper_external = sova_engine_callable_outside(e, w->def);
	sova_chain_add(&site->origin, sova_engine_loc(e, def, run->loc), 1,
		       sova_xasprintf("'%s' runs a loop in '%s' until the work from '%s' ends it",
				      e->prog->defs[def].fn->name, run->callee_name, first->callee_name));
	if (w->via >= 0) {
		const struct sova_call *via = sova_engine_call(e, w->def, w->via);
		sova_chain_add(&site->origin, sova_engine_loc(e, w->def, via->loc), 1,
			       sova_xasprintf("'%s' calls '%s' to wait for that work", wrapper->name, via->callee_name));
	}
	sova_chain_add(&site->origin, sova_engine_loc(e, w->def, first->loc), 1,
		       sova_xasprintf("'%s' starts the awaited work here", first->callee_name));
}

static void add_site(const struct sova_engine *e, int def, int call, const struct blocking_call *b,
		     struct sova_analysis *out)
{
	const struct sova_def *d = &e->prog->defs[def];
	struct sova_site site;
	memset(&site, 0, sizeof(site));
	site.loc = sova_engine_loc(e, def, d->fn->calls[call].loc);
	site.callee = b->callee;
	site.function = d->fn->name;
	site.is_wait = b->is_wait;
	site.generic = b->generic;
	site.kind = b->kind;
	site.bounded = b->bounded;
	site.external = b->is_wait ? sova_engine_callable_outside(e, def) : d->fn->external;
	site.is_main = strcmp(d->fn->name, "main") == 0;
	fill_context(e, &e->any, def, call, &site.async);
	fill_context(e, &e->single, def, call, &site.single);
	struct sova_origin origin = { .nhops = 0 };
	if (b->is_wait && b->api && b->api->role == SOVA_API_WAIT)
		sova_find_provenance(e, def, call, b->api, &site, &origin);
	if (b->is_wrapper)
		wrapper_origin(e, def, call, &b->wrapper, &site);
	if (b->is_wait && b->api && site.async.reached)
		sova_find_self_wait(e, def, call, b->api, &origin, &site);
	SOVA_PUSH(out->sites, out->nsites, out->capsites, site);
}

static void find_sites(const struct sova_engine *e, int def, struct sova_analysis *out)
{
	const struct sova_def *d = &e->prog->defs[def];
	/* A function its author declared non-blocking is taken at its word. */
	if (sova_sym_annotated(&e->prog->syms[d->sym], SOVA_ANN_NONBLOCKING) ||
	    sova_engine_annotation(e, d->sym, SOVA_ANN_MEANS_NONBLOCKING))
		return;
	for (size_t c = 0; c < d->fn->ncalls; c++) {
		struct blocking_call b;
		if (classify(e, def, (int)c, &b))
			add_site(e, def, (int)c, &b, out);
	}
}

static void engine_free(struct sova_engine *e)
{
	free(e->entries);
	free(e->first_entry);
	free(e->next_entry);
	sova_reach_free(&e->any);
	sova_reach_free(&e->single);
	sova_relevant_free(e);
	sova_finished_joins_free(&e->joins);
	sova_shared_objects_free(&e->shared);
	sova_unresolved_free(e->unresolved, e->prog->ndefs);
	sova_engine_release(e);
}

/* Each step needs what the ones before it filled: the index first, the
 * unresolved calls before the searches (which do not follow them), the
 * entries before the joins they finish, all of it before the sites. */
void sova_analyze(const struct sova_program *prog, const struct sova_models *models,
		  const struct sova_analyze_options *options, struct sova_analysis *out)
{
	struct sova_engine e;
	memset(out, 0, sizeof(*out));
	sova_engine_init(&e, prog, models, options);
	e.unresolved = sova_find_unresolved(&e);
	sova_find_workers(&e, options ? options->jobs : 1);
	sova_find_finished_joins(&e, &e.joins);
	sova_find_shared_objects(&e, &e.shared);
	for (size_t d = 0; d < prog->ndefs; d++)
		find_sites(&e, (int)d, out);
	if (e.record_pruned)
		out->explanation = sova_explain(&e, out, options);
	engine_free(&e);
}

static void step_free(struct sova_step *step)
{
	free(step->message);
	step->message = NULL;
}

static void context_path_free(struct sova_context_path *path)
{
	sova_chain_free(&path->chain);
	sova_chains_free(path->others, path->nothers);
	free(path->other_entries);
	step_free(&path->submitted);
	step_free(&path->unresolved_at);
}

void sova_analysis_free(struct sova_analysis *analysis)
{
	for (size_t i = 0; i < analysis->nsites; i++) {
		struct sova_site *s = &analysis->sites[i];
		context_path_free(&s->async);
		context_path_free(&s->single);
		sova_chain_free(&s->origin);
		sova_chain_free(&s->self_chain);
		step_free(&s->self_submit);
		step_free(&s->inner_submit);
	}
	free(analysis->sites);
	free(analysis->explanation);
	memset(analysis, 0, sizeof(*analysis));
}
