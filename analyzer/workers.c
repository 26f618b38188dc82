/* workers.c - worker contexts: which functions run on an executor's thread.
 *
 * Worker entries are the functions handed to a model's submit or
 * continuation functions, and those annotated sova:worker. A breadth-first
 * search from the entries, over direct and resolved indirect calls, marks
 * every function that runs on a worker and keeps the shortest chain to it.
 *
 * A call through a function-pointer parameter is resolved in the context of
 * the call that entered the function: run_cb(quick_cb) from a worker reaches
 * quick_cb only, even when main calls run_cb(blocking_cb). Such functions are
 * searched once per calling context; all others once. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- entries ---- */

static void add_entry(struct sova_engine *e, int sym, int def, int call, const struct sova_api_fn *api)
{
	struct sova_entry entry = { sym, def, call, api };
	if (sym >= 0 && sova_engine_traversable(e, sym))
		SOVA_PUSH(e->entries, e->nentries, e->capentries, entry);
}

/* The work function of a submit: named directly, or held by a pointer. */
static void add_entries_for(struct sova_engine *e, int def, int call, const struct sova_api_fn *api)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (api->work_arg < 0 || (size_t)api->work_arg >= c->nargs)
		return;
	const struct sova_val *work = &c->args[api->work_arg];
	const struct sova_program *prog = e->prog;
	if (work->kind == SOVA_VAL_FUNC) {
		add_entry(e, sova_strmap_get(&prog->sym_by_usr, work->usr), def, call, api);
		return;
	}
	int slot = sova_program_slot_of(prog, &prog->defs[def], work);
	for (size_t k = 0; slot >= 0 && k < prog->slots[slot].nsyms; k++)
		add_entry(e, prog->slots[slot].syms[k], def, call, api);
}

static void find_entries(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	for (size_t d = 0; d < prog->ndefs; d++) {
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			const struct sova_api_fn *api = sova_engine_api(e, (int)d, (int)c);
			if (api && (api->role == SOVA_API_SUBMIT || api->role == SOVA_API_CONTINUATION))
				add_entries_for(e, (int)d, (int)c, api);
		}
	}
	for (size_t s = 0; s < prog->nsyms; s++)
		if (sova_sym_annotated(&prog->syms[s], SOVA_ANN_WORKER))
			add_entry(e, (int)s, -1, -1, NULL);
}

/* ---- calling contexts ---- */

/* The parameter a call's callee is, when it calls through one of def's parameters. */
static const struct sova_val *callee_param(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (c->callee_usr)
		return NULL;
	const struct sova_val *v = sova_engine_resolve_local(e, def, &c->callee);
	if (v->kind != SOVA_VAL_PARAM || strcmp(v->usr, e->prog->defs[def].fn->usr) != 0)
		return NULL;
	return v;
}

static int calls_through_params(const struct sova_engine *e, int def)
{
	for (size_t c = 0; c < e->prog->defs[def].fn->ncalls; c++)
		if (callee_param(e, def, (int)c))
			return 1;
	return 0;
}

/* The syms a call may reach in a state: for a call through a parameter, what
 * the entering call passed, when that was a function; otherwise every
 * function the program ever stores there. */
static void state_targets(const struct sova_engine *e, const struct sova_worker_state *st, int call, int **out,
			  size_t *n, size_t *cap)
{
	*n = 0;
	const struct sova_val *param = st->ctx_def >= 0 ? callee_param(e, st->def, call) : NULL;
	if (param) {
		const struct sova_call *entering = sova_engine_call(e, st->ctx_def, st->ctx_call);
		const struct sova_val *arg = (size_t)param->num < entering->nargs ? &entering->args[param->num] : NULL;
		if (arg && arg->kind == SOVA_VAL_FUNC) {
			int sym = sova_strmap_get(&e->prog->sym_by_usr, arg->usr);
			if (sym >= 0)
				SOVA_PUSH(*out, *n, *cap, sym);
			return;
		}
	}
	for (const int *t = e->prog->defs[st->def].targets[call]; *t >= 0; t++)
		SOVA_PUSH(*out, *n, *cap, *t);
}

/* ---- the search ---- */

struct search {
	struct sova_engine *e;
	int *by_context; /* per def: 1 when searched once per calling context */
	struct sova_strmap seen;
};

static void enter(struct search *s, int def, int parent, int parent_call, int entry)
{
	struct sova_engine *e = s->e;
	struct sova_worker_state st = { def, -1, -1, parent, parent_call, entry };
	if (s->by_context[def] && parent >= 0) {
		st.ctx_def = e->states[parent].def;
		st.ctx_call = parent_call;
	}
	char key[64];
	snprintf(key, sizeof(key), "%d:%d:%d", def, st.ctx_def, st.ctx_call);
	if (sova_strmap_get(&s->seen, key) >= 0)
		return;
	sova_strmap_put(&s->seen, key, 1);
	SOVA_PUSH(e->states, e->nstates, e->capstates, st);
	if (e->first_state[def] < 0)
		e->first_state[def] = (int)e->nstates - 1;
}

static void expand(struct search *s, int state, int **targets, size_t *cap)
{
	struct sova_engine *e = s->e;
	int def = e->states[state].def;
	size_t ncalls = e->prog->defs[def].fn->ncalls;
	for (size_t c = 0; c < ncalls; c++) {
		size_t n;
		struct sova_worker_state st = e->states[state];
		state_targets(e, &st, (int)c, targets, &n, cap);
		for (size_t k = 0; k < n; k++) {
			int sym = (*targets)[k];
			if (!sova_engine_traversable(e, sym))
				continue;
			const struct sova_sym *ss = &e->prog->syms[sym];
			for (size_t i = 0; i < ss->ndefs; i++)
				enter(s, ss->defs[i], state, (int)c, st.entry);
		}
	}
}

void sova_find_workers(struct sova_engine *e)
{
	size_t n = e->prog->ndefs;
	struct search s = { e, sova_xcalloc(n + 1, sizeof(int)), { 0 } };
	sova_strmap_init(&s.seen);
	e->first_state = sova_xmalloc((n + 1) * sizeof(int));
	for (size_t d = 0; d < n; d++) {
		e->first_state[d] = -1;
		s.by_context[d] = calls_through_params(e, (int)d);
	}
	find_entries(e);
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_sym *sym = &e->prog->syms[e->entries[k].sym];
		for (size_t i = 0; i < sym->ndefs; i++)
			enter(&s, sym->defs[i], -1, -1, (int)k);
	}
	int *targets = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < e->nstates; i++)
		expand(&s, (int)i, &targets, &cap);
	free(targets);
	free(s.by_context);
	sova_strmap_free(&s.seen);
}

void sova_worker_path(const struct sova_engine *e, int state, struct sova_path *path)
{
	size_t n = 0;
	for (int s = state; s >= 0; s = e->states[s].parent)
		n++;
	path->defs = sova_xmalloc(n * sizeof(int));
	path->calls = sova_xmalloc(n * sizeof(int));
	path->n = n;
	/* Filled from the end: each state names the call its parent made to reach it. */
	size_t i = n - 1;
	path->calls[i] = -1;
	for (int s = state; s >= 0; s = e->states[s].parent, i--) {
		path->defs[i] = e->states[s].def;
		if (i > 0)
			path->calls[i - 1] = e->states[s].parent_call;
	}
}
