/* provenance.c - where an awaited future came from, and proofs that a wait
 * cannot block.
 *
 * Provenance follows the future argument back through local variables (the
 * last assignment before the wait) and through functions that return a
 * future, down to the call that made it: a submit of work, or another async
 * API. Completion proofs are the two forms the rules document: a positive
 * ready check guarding the wait, and an earlier join over the futures. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_RETURN_DEPTH 8

static const struct sova_val *future_arg(const struct sova_call *call, const struct sova_api_fn *api)
{
	if (api->future_arg < 0 || (size_t)api->future_arg >= call->nargs)
		return NULL;
	return &call->args[api->future_arg];
}

/* The same variable, parameter or field, however it is reached. */
static int same_base(const struct sova_val *v, const struct sova_val *var)
{
	return (v->kind == SOVA_VAL_LOCAL || v->kind == SOVA_VAL_GLOBAL || v->kind == SOVA_VAL_PARAM ||
		v->kind == SOVA_VAL_FIELD) &&
	       sova_val_same(v, var);
}

/* Was var's storage assigned after call `from` and before call `to`? */
static int assigned_between(const struct sova_func *fn, const struct sova_val *var, int from, int to)
{
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if ((int)a->seq > from && (int)a->seq <= to && same_base(&a->target, var))
			return 1;
	}
	return 0;
}

static int ready_guarded(const struct sova_engine *e, int def, int call, const struct sova_val *fut)
{
	const struct sova_call *wait = sova_engine_call(e, def, call);
	for (size_t g = 0; g < wait->nguards; g++) {
		if (!sova_guard_true(wait->guards[g]))
			continue;
		int guard = wait->guards[g];
		const struct sova_api_fn *api = sova_engine_api(e, def, guard, SOVA_API_READY_CHECK);
		if (!api)
			continue;
		const struct sova_val *checked = future_arg(sova_engine_call(e, def, guard), api);
		if (checked && sova_val_same_access(checked, fut) &&
		    !assigned_between(e->prog->defs[def].fn, fut, guard, call))
			return 1;
	}
	return 0;
}

/* fut is an element of the joined array (fs[i], *fs, job->deps[i]). */
static int element_of(const struct sova_val *fut, const struct sova_val *array)
{
	if (!fut->element || array->element || !same_base(fut, array))
		return 0;
	if (!array->path)
		return 1;
	size_t n = strlen(array->path);
	return fut->path && strncmp(fut->path, array->path, n) == 0 && fut->path[n] == '[';
}

/* fut was joined by the wait at `join` on `array`: as one of its elements,
 * as the single future whose address was passed, or as a value stored into
 * the array before the join. */
static int joined_by(const struct sova_func *fn, const struct sova_val *array, const struct sova_val *fut, int join)
{
	if (element_of(fut, array))
		return 1;
	if (array->address && !fut->element && !fut->address) {
		struct sova_val single = *array;
		single.address = 0;
		if (sova_val_same_access(&single, fut))
			return 1;
	}
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if ((int)a->seq <= join && a->target.element && same_base(&a->target, array) &&
		    sova_val_same_access(&a->value, fut))
			return 1;
	}
	return 0;
}

static int join_proven(const struct sova_engine *e, int def, int call, const struct sova_val *fut)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (int j = 0; j < call; j++) {
		const struct sova_api_fn *api = sova_engine_api(e, def, j, SOVA_API_WAIT);
		if (!api || !api->joins_array)
			continue;
		const struct sova_val *array = future_arg(&fn->calls[j], api);
		if (!array || !joined_by(fn, array, fut, j) || assigned_between(fn, array, j, call))
			continue;
		if (fut->element || !assigned_between(fn, fut, j, call))
			return 1;
	}
	return 0;
}

int sova_wait_proven(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api)
{
	const struct sova_call *wait = sova_engine_call(e, def, call);
	const struct sova_val *fut = future_arg(wait, api);
	if (!fut || fut->kind == SOVA_VAL_UNKNOWN || api->joins_array)
		return 0;
	return ready_guarded(e, def, call, fut) || join_proven(e, def, call, fut);
}

/* ---- provenance ---- */

/* The value a local held when call `before` ran: its last assignment. */
static const struct sova_val *value_before(const struct sova_func *fn, const struct sova_val *var, int before)
{
	const struct sova_val *last = NULL;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if ((int)a->seq <= before && !a->target.element && same_base(&a->target, var))
			last = &a->value;
	}
	return last;
}

/* The call whose result val is, following locals; -1 when it is none. */
static int producing_call(const struct sova_func *fn, const struct sova_val *val, int before)
{
	for (int hops = 0; hops < 8 && val; hops++) {
		if (val->kind == SOVA_VAL_CALL)
			return (int)val->num;
		if (val->kind != SOVA_VAL_LOCAL || val->element)
			return -1;
		val = value_before(fn, val, before);
	}
	return -1;
}

/* The submit or continuation call that starts work and returns its future, or NULL. */
static const struct sova_api_fn *work_starter(const struct sova_engine *e, int def, int call)
{
	const struct sova_api_fn *api = sova_engine_api(e, def, call, SOVA_API_SUBMIT);
	if (!api || !api->returns_future)
		api = sova_engine_api(e, def, call, SOVA_API_CONTINUATION);
	return api && api->returns_future ? api : NULL;
}

/* Follows (def, call) into functions returning a future until the call that
 * submits work; appends the hops. Returns 1 when it ends at a submit. */
static int trace_submit(const struct sova_engine *e, int def, int call, struct sova_origin *origin, int depth)
{
	if (origin->nhops >= sizeof(origin->hops) / sizeof(origin->hops[0]) || depth > MAX_RETURN_DEPTH)
		return 0;
	origin->hops[origin->nhops++] = (struct sova_hop){ def, call };
	if (work_starter(e, def, call))
		return 1;
	const struct sova_call *c = sova_engine_call(e, def, call);
	int sym = c->callee_usr ? sova_strmap_get(&e->prog->sym_by_usr, c->callee_usr) : -1;
	if (sym >= 0 && !e->leaf[sym]) {
		const struct sova_sym *s = &e->prog->syms[sym];
		for (size_t i = 0; i < s->ndefs; i++) {
			const struct sova_func *callee = e->prog->defs[s->defs[i]].fn;
			for (size_t r = 0; r < callee->nreturns; r++) {
				int inner = producing_call(callee, &callee->returns[r], (int)callee->ncalls);
				if (inner >= 0 && trace_submit(e, s->defs[i], inner, origin, depth + 1))
					return 1;
			}
		}
	}
	origin->nhops--;
	return 0;
}

static int returns_future(const struct sova_engine *e, const struct sova_call *call)
{
	return call->returns && sova_models_is_future_type(e->models, call->returns);
}

/* Another call in (from, to) that starts async work. */
static int work_between(const struct sova_engine *e, int def, int from, int to)
{
	for (int i = from + 1; i < to; i++) {
		if (sova_engine_api(e, def, i, SOVA_API_SUBMIT) || sova_engine_api(e, def, i, SOVA_API_CONTINUATION) ||
		    returns_future(e, sova_engine_call(e, def, i)))
			return 1;
	}
	return 0;
}

/* The flow from the wait down to the call that made the future. */
static void origin_chain(const struct sova_engine *e, int def, int call, const struct sova_origin *origin,
			 struct sova_site *site)
{
	const struct sova_call *wait = sova_engine_call(e, def, call);
	const struct sova_call *first = sova_engine_call(e, origin->hops[0].def, origin->hops[0].call);
	sova_chain_add(&site->origin, sova_engine_loc(e, def, wait->loc), 1,
		       sova_xasprintf("'%s' blocks in '%s' on the future from '%s'", e->prog->defs[def].fn->name,
				      wait->callee_name, first->callee_name));
	for (size_t i = 0; i < origin->nhops; i++) {
		const struct sova_hop *h = &origin->hops[i];
		const struct sova_call *c = sova_engine_call(e, h->def, h->call);
		char *msg;
		if (i + 1 < origin->nhops)
			msg = sova_xasprintf("the future comes from '%s'", c->callee_name);
		else if (site->prov == SOVA_PROV_SUBMIT)
			msg = sova_xasprintf("'%s' submits the awaited work here", c->callee_name);
		else
			msg = sova_xasprintf("'%s' returns the awaited future", c->callee_name);
		sova_chain_add(&site->origin, sova_engine_loc(e, h->def, c->loc), (unsigned)i + 1, msg);
	}
}

void sova_find_provenance(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			  struct sova_site *site, struct sova_origin *origin)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	const struct sova_val *fut = future_arg(&fn->calls[call], api);
	int made_by = fut ? producing_call(fn, fut, call) : -1;
	if (made_by < 0)
		return;
	origin->nhops = 0;
	if (trace_submit(e, def, made_by, origin, 0)) {
		site->prov = SOVA_PROV_SUBMIT;
	} else if (returns_future(e, &fn->calls[made_by])) {
		site->prov = SOVA_PROV_ASYNC;
		origin->hops[0] = (struct sova_hop){ def, made_by };
		origin->nhops = 1;
	} else {
		return;
	}
	const struct sova_hop *last = &origin->hops[origin->nhops - 1];
	site->prov_api = sova_engine_call(e, last->def, last->call)->callee_name;
	site->other_work = work_between(e, def, made_by, call);
	origin_chain(e, def, call, origin, site);
}
