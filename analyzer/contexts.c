/* contexts.c - stage 5: blocking sites, their facts and their chains.
 *
 * Drives the stage: builds the callers of every function, has workers.c
 * find the worker contexts, then visits every call that blocks and asks
 * provenance.c and selfwait.c what the rules need to know about it. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"


void sova_chain_add(struct sova_chain *chain, struct sova_loc loc, unsigned depth, char *message)
{
	struct sova_step step = { loc, depth, message };
	SOVA_PUSH(chain->steps, chain->nsteps, chain->capsteps, step);
}

void sova_chain_free(struct sova_chain *chain)
{
	for (size_t i = 0; i < chain->nsteps; i++)
		free(chain->steps[i].message);
	free(chain->steps);
	memset(chain, 0, sizeof(*chain));
}

void sova_chain_copy(struct sova_chain *dst, const struct sova_chain *src)
{
	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; i < src->nsteps; i++)
		sova_chain_add(dst, src->steps[i].loc, src->steps[i].depth, sova_xstrdup(src->steps[i].message));
}

const struct sova_call *sova_engine_call(const struct sova_engine *e, int def, int call)
{
	return &e->prog->defs[def].fn->calls[call];
}

struct sova_loc sova_engine_loc(const struct sova_engine *e, int def, struct sova_loc loc)
{
	return sova_program_loc(e->prog, e->prog->defs[def].tu, loc);
}

const struct sova_api_fn *sova_engine_api(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (c->callee_usr)
		return sova_models_lookup(e->models, c->callee_name);
	/* Through a pointer: the first modelled function it may hold. */
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++) {
		const struct sova_api_fn *api = sova_models_lookup(e->models, e->prog->syms[*t].name);
		if (api)
			return api;
	}
	return NULL;
}

const struct sova_val *sova_engine_resolve_local(const struct sova_engine *e, int def, const struct sova_val *val)
{
	for (int hops = 0; hops < 8 && val->kind == SOVA_VAL_LOCAL && !val->element; hops++) {
		const struct sova_func *fn = e->prog->defs[def].fn;
		const struct sova_val *only = NULL;
		for (size_t i = 0; i < fn->nassigns; i++) {
			const struct sova_assign *a = &fn->assigns[i];
			if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || strcmp(a->target.usr, val->usr) != 0)
				continue;
			if (only && !sova_val_same(only, &a->value))
				return val;
			only = &a->value;
		}
		/* Only storage-to-storage aliases: "ex = arg" is the same executor as arg,
		 * but "ex = fut_serial_new()" is an identity of its own. */
		if (!only || only->kind == SOVA_VAL_CALL || only->kind == SOVA_VAL_INT || only->kind == SOVA_VAL_UNKNOWN)
			return val;
		val = only;
	}
	return val;
}

/* ---- the call graph, both ways ---- */

/* Model functions are leaves: even when their body is in the program (a
 * project that ships its own futures library), sova trusts the model. */
int sova_engine_traversable(const struct sova_engine *e, int sym)
{
	const struct sova_sym *s = &e->prog->syms[sym];
	return s->ndefs && !sova_sym_annotated(s, SOVA_ANN_NONBLOCKING) && !sova_sym_annotated(s, SOVA_ANN_BLOCKING) &&
	       !sova_models_lookup(e->models, s->name);
}

static void add_caller(struct sova_engine *e, int callee_def, int def, int call)
{
	struct sova_caller c = { def, call };
	SOVA_PUSH(e->callers[callee_def], e->ncallers[callee_def], e->capcallers[callee_def], c);
}

static void build_callers(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	e->callers = sova_xcalloc(prog->ndefs, sizeof(*e->callers));
	e->ncallers = sova_xcalloc(prog->ndefs, sizeof(*e->ncallers));
	e->capcallers = sova_xcalloc(prog->ndefs, sizeof(*e->capcallers));
	for (size_t d = 0; d < prog->ndefs; d++) {
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			for (const int *t = prog->defs[d].targets[c]; *t >= 0; t++) {
				if (!sova_engine_traversable(e, *t))
					continue;
				const struct sova_sym *s = &prog->syms[*t];
				for (size_t k = 0; k < s->ndefs; k++)
					add_caller(e, s->defs[k], (int)d, (int)c);
			}
		}
	}
}

/* ---- chains ---- */

static const char *def_name(const struct sova_engine *e, int def)
{
	return e->prog->defs[def].fn->name;
}

void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted)
{
	int first = path->defs[0];
	const struct sova_func *entry_fn = e->prog->defs[first].fn;
	struct sova_loc entry_loc = sova_engine_loc(e, first, entry_fn->loc);
	if (entry->api) {
		const struct sova_call *submit = sova_engine_call(e, entry->def, entry->call);
		sova_chain_add(chain, entry_loc, 1,
			       sova_xasprintf("'%s' runs on an executor: it is the work passed to '%s'", entry_fn->name,
					      entry->api->function));
		submitted->loc = sova_engine_loc(e, entry->def, submit->loc);
		submitted->message = sova_xasprintf("'%s' is submitted to '%s' here", entry_fn->name, entry->api->function);
	} else {
		sova_chain_add(chain, entry_loc, 1,
			       sova_xasprintf("'%s' runs on a worker: it is annotated " SOVA_ANN_WORKER, entry_fn->name));
		submitted->message = NULL;
	}
	for (size_t i = 0; i + 1 < path->n; i++) {
		const struct sova_call *call = sova_engine_call(e, path->defs[i], path->calls[i]);
		sova_chain_add(chain, sova_engine_loc(e, path->defs[i], call->loc), (unsigned)i + 1,
			       sova_xasprintf("'%s' calls '%s'", def_name(e, path->defs[i]), def_name(e, path->defs[i + 1])));
	}
	int last = path->defs[path->n - 1];
	const struct sova_call *site = sova_engine_call(e, last, site_call);
	sova_chain_add(chain, sova_engine_loc(e, last, site->loc), (unsigned)path->n,
		       sova_xasprintf("'%s' blocks in '%s'", def_name(e, last), site->callee_name));
}

/* ---- sites ---- */

static int blocking_target(const struct sova_engine *e, int def, int call, const char **callee)
{
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++) {
		const struct sova_sym *s = &e->prog->syms[*t];
		const struct sova_api_fn *api = sova_models_lookup(e->models, s->name);
		if (sova_sym_annotated(s, SOVA_ANN_BLOCKING) || (api && api->role == SOVA_API_BLOCKING)) {
			*callee = s->name;
			return 1;
		}
	}
	return 0;
}

static void fill_worker(const struct sova_engine *e, int def, int call, struct sova_site *site)
{
	int state = e->first_state[def];
	if (state < 0)
		return;
	const struct sova_entry *entry = &e->entries[e->states[state].entry];
	struct sova_path path;
	sova_worker_path(e, state, &path);
	site->in_worker = 1;
	site->entry = def_name(e, path.defs[0]);
	site->submit_api = entry->api ? entry->api->function : NULL;
	sova_worker_chain(e, &path, call, entry, &site->worker, &site->submitted);
	free(path.defs);
	free(path.calls);
}

static void add_site(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
		     const char *callee, struct sova_analysis *out)
{
	const struct sova_def *d = &e->prog->defs[def];
	struct sova_site site;
	memset(&site, 0, sizeof(site));
	site.loc = sova_engine_loc(e, def, d->fn->calls[call].loc);
	site.callee = callee;
	site.function = d->fn->name;
	site.is_wait = api && api->role == SOVA_API_WAIT;
	site.bounded = api && api->bounded;
	site.external = d->fn->external;
	site.is_main = strcmp(d->fn->name, "main") == 0;
	fill_worker(e, def, call, &site);
	struct sova_origin origin = { .nhops = 0 };
	if (site.is_wait) {
		sova_find_provenance(e, def, call, api, &site, &origin);
		if (site.in_worker && site.prov == SOVA_PROV_SUBMIT)
			sova_find_self_wait(e, def, call, &origin, &site);
	}
	SOVA_PUSH(out->sites, out->nsites, out->capsites, site);
}

static void find_sites(const struct sova_engine *e, int def, struct sova_analysis *out)
{
	const struct sova_def *d = &e->prog->defs[def];
	if (sova_sym_annotated(&e->prog->syms[d->sym], SOVA_ANN_NONBLOCKING))
		return;
	for (size_t c = 0; c < d->fn->ncalls; c++) {
		const struct sova_api_fn *api = sova_engine_api(e, def, (int)c);
		const char *callee = d->fn->calls[c].callee_name;
		if (api && api->role == SOVA_API_WAIT) {
			/* Through a pointer, name the function it holds. */
			if (!d->fn->calls[c].callee_usr)
				callee = api->function;
			if (!sova_wait_proven(e, def, (int)c, api))
				add_site(e, def, (int)c, api, callee, out);
		} else if (blocking_target(e, def, (int)c, &callee)) {
			add_site(e, def, (int)c, api, callee, out);
		}
	}
}

static void engine_free(struct sova_engine *e)
{
	for (size_t d = 0; d < e->prog->ndefs; d++)
		free(e->callers[d]);
	free(e->callers);
	free(e->ncallers);
	free(e->capcallers);
	free(e->entries);
	free(e->states);
	free(e->first_state);
}

void sova_analyze(const struct sova_program *prog, const struct sova_models *models, struct sova_analysis *out)
{
	struct sova_engine e;
	memset(&e, 0, sizeof(e));
	memset(out, 0, sizeof(*out));
	e.prog = prog;
	e.models = models;
	build_callers(&e);
	sova_find_workers(&e);
	for (size_t d = 0; d < prog->ndefs; d++)
		find_sites(&e, (int)d, out);
	engine_free(&e);
}

static void step_free(struct sova_step *step)
{
	free(step->message);
	step->message = NULL;
}

void sova_analysis_free(struct sova_analysis *analysis)
{
	for (size_t i = 0; i < analysis->nsites; i++) {
		struct sova_site *s = &analysis->sites[i];
		sova_chain_free(&s->worker);
		sova_chain_free(&s->origin);
		sova_chain_free(&s->self_chain);
		step_free(&s->submitted);
		step_free(&s->self_submit);
		step_free(&s->inner_submit);
	}
	free(analysis->sites);
	memset(analysis, 0, sizeof(*analysis));
}
