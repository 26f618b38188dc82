/* workers.c - async contexts: which functions run where blocking hurts.
 *
 * Entries are the functions handed to a model's submit or continuation
 * functions, the functions stored into a model's callback fields (the
 * kernel's work_struct.func), and the functions annotated sova:worker or
 * with a model's context annotation (QEMU's coroutine_fn). Each entry has a
 * context: a pool, a serial executor, an event loop, an aio callback or a
 * coroutine. A breadth-first search from the entries, over direct and
 * resolved indirect calls, marks every function each reaches and keeps the
 * shortest chain; it runs once from all entries and once from the
 * single-threaded ones, where even generic blocking stalls the context.
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

static void add_entry(struct sova_engine *e, int sym, const struct sova_entry *proto)
{
	if (sym < 0 || !sova_engine_traversable(e, sym))
		return;
	struct sova_entry entry = *proto;
	entry.sym = sym;
	SOVA_PUSH(e->entries, e->nentries, e->capentries, entry);
}

/* Every function a value may be: itself, or what its slot may hold. */
static void add_entries_for_value(struct sova_engine *e, int def, const struct sova_val *work,
				  const struct sova_entry *proto)
{
	const struct sova_program *prog = e->prog;
	if (work->kind == SOVA_VAL_FUNC) {
		add_entry(e, sova_strmap_get(&prog->sym_by_usr, work->usr), proto);
		return;
	}
	int slot = sova_program_slot_of(prog, def >= 0 ? &prog->defs[def] : NULL, work);
	for (size_t k = 0; slot >= 0 && k < prog->slots[slot].nsyms; k++)
		add_entry(e, prog->slots[slot].syms[k], proto);
}

static enum sova_context context_of(const struct sova_engine *e, int def, const struct sova_api_fn *api,
				    const struct sova_val *executor)
{
	if (api->context != SOVA_CTX_NONE)
		return api->context;
	switch (executor ? sova_executor_kind(e, def, executor) : SOVA_EXEC_UNKNOWN) {
	case SOVA_EXEC_SERIAL:
		return SOVA_CTX_SERIAL;
	case SOVA_EXEC_LOOP:
		return SOVA_CTX_LOOP;
	default:
		return SOVA_CTX_POOL;
	}
}

/* Where a call's result is stored: g_pool = g_thread_pool_new(work, ...)
 * both registers work and makes the pool it runs on. */
static const struct sova_val *result_storage(const struct sova_engine *e, int def, int call)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t i = 0; i < fn->nassigns; i++)
		if (fn->assigns[i].value.kind == SOVA_VAL_CALL && fn->assigns[i].value.num == call)
			return &fn->assigns[i].target;
	return NULL;
}

static void add_submit_entries(struct sova_engine *e, int def, int call, const struct sova_api_fn *api)
{
	const struct sova_val *work = sova_engine_arg(e, def, call, api->work_arg);
	if (!work)
		return;
	struct sova_entry proto = {
		.how = api->function,
		.def = def,
		.call = call,
		.loc = sova_engine_loc(e, def, sova_engine_call(e, def, call)->loc),
		.executor = sova_engine_arg(e, def, call, api->executor_arg),
		.handle = sova_engine_arg(e, def, call, api->handle_arg),
		.context_val = sova_engine_arg(e, def, call, api->context_arg),
		.context_param = api->context_param,
	};
	if (!proto.executor && sova_engine_api(e, def, call, SOVA_API_EXECUTOR))
		proto.executor = result_storage(e, def, call);
	proto.context = context_of(e, def, api, proto.executor);
	add_entries_for_value(e, def, work, &proto);
}

static void find_submit_entries(struct sova_engine *e)
{
	static const enum sova_api_role roles[] = { SOVA_API_SUBMIT, SOVA_API_CONTINUATION };
	const struct sova_program *prog = e->prog;
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++)
			for (size_t r = 0; r < 2; r++) {
				const struct sova_api_fn *api = sova_engine_api(e, (int)d, (int)c, roles[r]);
				if (api && api->work_arg >= 0)
					add_submit_entries(e, (int)d, (int)c, api);
			}
}

/* "c:@S@work_struct@FI@func": a field named by record and field. The
 * record is a struct tag (@S@) or the typedef of an anonymous one (@SA@). */
static int field_matches(const char *usr, const struct sova_callback_field *f)
{
	const char *fi = strstr(usr, "@FI@");
	if (!fi || strcmp(fi + 4, f->field) != 0)
		return 0;
	size_t n = strlen(f->record);
	return fi - usr >= (long)n + 1 && strncmp(fi - n, f->record, n) == 0 && fi[-(long)n - 1] == '@';
}

static void find_field_entries(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		if (pa->assign->target.kind != SOVA_VAL_FIELD)
			continue;
		for (size_t k = 0; k < e->models->nfields; k++) {
			const struct sova_callback_field *f = &e->models->fields[k];
			if (!field_matches(pa->assign->target.usr, f) ||
			    !e->active[(size_t)pa->tu * e->models->nmodels + (size_t)f->model])
				continue;
			/* The callback gets the object it belongs to: a work function its work_struct. */
			const struct sova_val *object = pa->assign->object.kind != SOVA_VAL_UNKNOWN ? &pa->assign->object : NULL;
			struct sova_entry proto = { .context = f->context, .how = f->field, .def = pa->def, .call = -1,
						    .handle = object, .context_val = object, .context_param = 0 };
			if (pa->def >= 0)
				proto.loc = sova_program_loc(prog, pa->tu, prog->defs[pa->def].fn->loc);
			add_entries_for_value(e, pa->def, &pa->assign->value, &proto);
		}
	}
}

/* queue_work(wq, &f->work) puts the work item registered by a callback field
 * on an executor: the entry gains that executor, as a copy per queue. */
static void link_queued_handles(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	size_t nentries = e->nentries;
	for (size_t d = 0; d < prog->ndefs; d++) {
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			const struct sova_api_fn *api = sova_engine_api(e, (int)d, (int)c, SOVA_API_SUBMIT);
			const struct sova_val *handle = api ? sova_engine_arg(e, (int)d, (int)c, api->handle_arg) : NULL;
			if (!handle || api->work_arg >= 0)
				continue;
			for (size_t k = 0; k < nentries; k++) {
				struct sova_entry queued = e->entries[k];
				if (queued.call >= 0 || !queued.handle || !sova_val_same(queued.handle, handle))
					continue;
				queued.def = (int)d;
				queued.call = (int)c;
				queued.how = api->function;
				queued.loc = sova_engine_loc(e, (int)d, sova_engine_call(e, (int)d, (int)c)->loc);
				queued.executor = sova_engine_arg(e, (int)d, (int)c, api->executor_arg);
				queued.context = context_of(e, (int)d, api, queued.executor);
				SOVA_PUSH(e->entries, e->nentries, e->capentries, queued);
			}
		}
	}
}

static void find_annotated_entries(struct sova_engine *e)
{
	for (size_t s = 0; s < e->prog->nsyms; s++) {
		struct sova_entry proto = { .def = -1, .call = -1 };
		const struct sova_annotation_model *a = sova_engine_annotation(e, (int)s, SOVA_ANN_MEANS_CONTEXT);
		if (sova_sym_annotated(&e->prog->syms[s], SOVA_ANN_WORKER)) {
			proto.context = SOVA_CTX_POOL;
			proto.how = SOVA_ANN_WORKER;
		} else if (a) {
			proto.context = a->context;
			proto.how = a->name;
		} else {
			continue;
		}
		add_entry(e, (int)s, &proto);
	}
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
		const struct sova_val *arg = sova_engine_arg(e, st->ctx_def, st->ctx_call, param->num);
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
	const struct sova_engine *e;
	struct sova_reach *reach;
	const int *by_context; /* per def: 1 when searched once per calling context */
	unsigned char *seen_plain; /* per def: entered without a calling context */
	struct sova_strmap seen;   /* "def:ctx_def:ctx_call" of those entered with one */
};

static void enter(struct search *s, int def, int parent, int parent_call, int entry)
{
	struct sova_reach *r = s->reach;
	struct sova_worker_state st = { def, -1, -1, parent, parent_call, entry };
	if (s->by_context[def] && parent >= 0) {
		st.ctx_def = r->states[parent].def;
		st.ctx_call = parent_call;
		char key[64];
		snprintf(key, sizeof(key), "%d:%d:%d", def, st.ctx_def, st.ctx_call);
		if (sova_strmap_get(&s->seen, key) >= 0)
			return;
		sova_strmap_put(&s->seen, key, 1);
	} else {
		/* Most states: a string key for each cost more than the rest of the search. */
		if (s->seen_plain[def])
			return;
		s->seen_plain[def] = 1;
	}
	SOVA_PUSH(r->states, r->nstates, r->capstates, st);
	if (r->first_state[def] < 0)
		r->first_state[def] = (int)r->nstates - 1;
}

static void expand(struct search *s, int state, int **targets, size_t *cap)
{
	const struct sova_engine *e = s->e;
	struct sova_worker_state st = s->reach->states[state];
	size_t ncalls = e->prog->defs[st.def].fn->ncalls;
	for (size_t c = 0; c < ncalls; c++) {
		size_t n;
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

/* Searches from the entries whose context passes `keep`. */
static void search(const struct sova_engine *e, const int *by_context, int (*keep)(enum sova_context),
		   struct sova_reach *reach)
{
	size_t n = e->prog->ndefs;
	struct search s = { e, reach, by_context, sova_xcalloc(n + 1, 1), { 0 } };
	sova_strmap_init(&s.seen);
	memset(reach, 0, sizeof(*reach));
	reach->first_state = sova_xmalloc((n + 1) * sizeof(int));
	for (size_t d = 0; d < n; d++)
		reach->first_state[d] = -1;
	for (size_t k = 0; k < e->nentries; k++) {
		if (!keep(e->entries[k].context))
			continue;
		const struct sova_sym *sym = &e->prog->syms[e->entries[k].sym];
		for (size_t i = 0; i < sym->ndefs; i++)
			enter(&s, sym->defs[i], -1, -1, (int)k);
	}
	int *targets = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < reach->nstates; i++)
		expand(&s, (int)i, &targets, &cap);
	free(targets);
	free(s.seen_plain);
	sova_strmap_free(&s.seen);
}

static int any_context(enum sova_context context)
{
	return context != SOVA_CTX_NONE;
}

/* One thread runs the context: blocking it stops all else it would run. */
static int single_threaded(enum sova_context context)
{
	return context == SOVA_CTX_SERIAL || context == SOVA_CTX_LOOP || context == SOVA_CTX_AIO ||
	       context == SOVA_CTX_COROUTINE;
}

/* Chains each sym's entries, for the self-wait search's look-ups. */
static void index_entries(struct sova_engine *e)
{
	e->first_entry = sova_xmalloc((e->prog->nsyms + 1) * sizeof(int));
	e->next_entry = sova_xmalloc((e->nentries + 1) * sizeof(int));
	for (size_t s = 0; s < e->prog->nsyms; s++)
		e->first_entry[s] = -1;
	for (size_t k = e->nentries; k-- > 0;) {
		e->next_entry[k] = e->first_entry[e->entries[k].sym];
		e->first_entry[e->entries[k].sym] = (int)k;
	}
}

void sova_find_workers(struct sova_engine *e)
{
	find_submit_entries(e);
	find_field_entries(e);
	link_queued_handles(e);
	find_annotated_entries(e);
	index_entries(e);
	size_t n = e->prog->ndefs;
	int *by_context = sova_xcalloc(n + 1, sizeof(int));
	for (size_t d = 0; d < n; d++)
		by_context[d] = calls_through_params(e, (int)d);
	search(e, by_context, any_context, &e->any);
	search(e, by_context, single_threaded, &e->single);
	free(by_context);
}

void sova_reach_free(struct sova_reach *reach)
{
	free(reach->states);
	free(reach->first_state);
	memset(reach, 0, sizeof(*reach));
}

void sova_worker_path(const struct sova_reach *reach, int state, struct sova_path *path)
{
	size_t n = 0;
	for (int s = state; s >= 0; s = reach->states[s].parent)
		n++;
	path->defs = sova_xmalloc(n * sizeof(int));
	path->calls = sova_xmalloc(n * sizeof(int));
	path->n = n;
	/* Filled from the end: each state names the call its parent made to reach it. */
	size_t i = n - 1;
	path->calls[i] = -1;
	for (int s = state; s >= 0; s = reach->states[s].parent, i--) {
		path->defs[i] = reach->states[s].def;
		if (i > 0)
			path->calls[i - 1] = reach->states[s].parent_call;
	}
}
