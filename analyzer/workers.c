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
 * A function is searched once per calling context that matters: what the
 * entering call bound its relevant parameters to, the ones it calls
 * through, tests in a condition, or forwards to such a parameter of a
 * callee. run_cb(quick_cb) from a worker reaches quick_cb only, even when
 * main calls run_cb(blocking_cb), through any number of forwarding helpers;
 * finish(aio, false) does not take the `if (sync)` branch of its callee.
 * Functions with no relevant parameter are searched once. */
#include "contexts_internal.h"

#include <pthread.h>
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

static void add_submit_entries(struct sova_engine *e, int def, int call, const struct sova_api_fn *api)
{
	struct sova_entry proto = {
		.how = api->function,
		.def = def,
		.call = call,
		.loc = sova_engine_loc(e, def, sova_engine_call(e, def, call)->loc),
		.executor = sova_engine_executor_arg(e, def, call, api),
		.handle = sova_engine_arg(e, def, call, api->handle_arg),
		.context_val = sova_engine_arg(e, def, call, api->context_arg),
		.context_param = api->context_param,
	};
	if (!proto.executor && sova_engine_api(e, def, call, SOVA_API_EXECUTOR))
		/* g_pool = g_thread_pool_new(work, ...) both registers work and
		 * makes the pool it runs on. */
		proto.executor = sova_engine_result_storage(e, def, call);
	proto.context = context_of(e, def, api, proto.executor);
	const struct sova_val *work = sova_engine_arg(e, def, call, api->work_arg);
	if (work)
		add_entries_for_value(e, def, work, &proto);
	/* bufferevent_setcb(bev, readcb, writecb, eventcb, arg): each callback
	 * is an entry of the same call, with the argument at its own place. */
	for (int i = 0; i < api->nmore_work; i++) {
		const struct sova_val *more = sova_engine_arg(e, def, call, api->more_work[i].work_arg);
		proto.context_param = api->more_work[i].context_param;
		if (more)
			add_entries_for_value(e, def, more, &proto);
	}
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

/* The callback type a model gives a context that the argument is declared
 * as, in a TU where the model applies, or NULL. */
static const struct sova_callback_type *callback_type_of(const struct sova_engine *e, int def,
							 const struct sova_val *arg)
{
	const struct sova_models *m = e->models;
	int tu = e->prog->defs[def].tu;
	for (size_t i = 0; arg->param_type && i < m->ncallback_types; i++)
		if (strcmp(m->callback_types[i].type, arg->param_type) == 0 &&
		    e->active[(size_t)tu * m->nmodels + (size_t)m->callback_types[i].model])
			return &m->callback_types[i];
	return NULL;
}

/* g_file_replace_async(f, ..., on_replaced, f): a function passed as a
 * parameter declared GAsyncReadyCallback runs on the loop, whatever the
 * function it is passed to; a call a model names already registered its
 * callbacks above. */
static void find_typed_entries(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			const struct sova_call *call = &prog->defs[d].fn->calls[c];
			if (!call->callee_usr || sova_engine_api(e, (int)d, (int)c, SOVA_API_SUBMIT) ||
			    sova_engine_api(e, (int)d, (int)c, SOVA_API_CONTINUATION))
				continue;
			for (size_t i = 0; i < call->nargs; i++) {
				const struct sova_callback_type *t = callback_type_of(e, (int)d, &call->args[i]);
				if (!t)
					continue;
				struct sova_entry proto = {
					.how = call->callee_name,
					.def = (int)d,
					.call = (int)c,
					.loc = sova_engine_loc(e, (int)d, call->loc),
					.context = t->context,
					.context_param = t->context_param >= 0 ? t->context_param : 0,
					.context_val = t->data_offset >= 0 ? sova_engine_arg(e, (int)d, (int)c, (int)i + t->data_offset)
									   : NULL,
					.ends_registration = t->ends_registration,
				};
				add_entries_for_value(e, (int)d, &call->args[i], &proto);
			}
		}
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
			if (!sova_models_field_matches(pa->assign->target.usr, f->record, f->field) ||
			    !e->active[(size_t)pa->tu * e->models->nmodels + (size_t)f->model])
				continue;
			/* The callback gets the object it belongs to: a work function its work_struct. */
			const struct sova_val *object = pa->assign->object.kind != SOVA_VAL_UNKNOWN ? &pa->assign->object : NULL;
			struct sova_entry proto = { .context = f->context, .how = f->shown, .origin = SOVA_ENTRY_FIELD,
						    .def = pa->def, .call = -1,
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
				queued.origin = SOVA_ENTRY_CALL;
				queued.loc = sova_engine_loc(e, (int)d, sova_engine_call(e, (int)d, (int)c)->loc);
				queued.executor = sova_engine_executor_arg(e, (int)d, (int)c, api);
				queued.context = context_of(e, (int)d, api, queued.executor);
				SOVA_PUSH(e->entries, e->nentries, e->capentries, queued);
			}
		}
	}
}

static void find_annotated_entries(struct sova_engine *e)
{
	for (size_t s = 0; s < e->prog->nsyms; s++) {
		struct sova_entry proto = { .origin = SOVA_ENTRY_ANNOTATION, .def = -1, .call = -1 };
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

/* ---- relevant parameters ---- */

/* The parameter of def a value already followed through locals is, or -1. */
static int param_named(const struct sova_engine *e, int def, const struct sova_val *v)
{
	if (v->kind != SOVA_VAL_PARAM || v->element || v->address || strcmp(v->usr, e->prog->defs[def].fn->usr) != 0)
		return -1;
	return (int)v->num;
}

/* The parameter of def a value is, following a local to its one source. */
static int param_of(const struct sova_engine *e, int def, const struct sova_val *val)
{
	return param_named(e, def, sova_engine_resolve_local(e, def, val));
}

/* The parameter a call's callee is, when it calls through one of def's
 * parameters (*path NULL) or through a member of what one points at
 * (o->run(): *path the member, as in a sova_cond). */
static int callee_param(const struct sova_engine *e, int def, int call, const char **path)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	*path = NULL;
	if (c->callee_usr)
		return -1;
	int param = param_of(e, def, &c->callee);
	if (param >= 0 || c->callee.kind != SOVA_VAL_FIELD || c->callee.element || !c->callee.path)
		return param;
	param = param_of(e, def, &c->callee_object);
	if (param >= 0)
		*path = strrchr(c->callee.path, SOVA_PATH_MEMBER);
	return *path ? param : -1;
}

static int same_path(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int relevant_index(const struct sova_relevant *r, int param, const char *path)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->refs[i].param == param && same_path(r->refs[i].path, path))
			return (int)i;
	return -1;
}

/* The test of a parameter that a call's argument `index` computes, or NULL. */
static const struct sova_derived_arg *derived_arg(const struct sova_call *call, int index)
{
	for (size_t i = 0; i < call->nderived_args; i++)
		if (call->derived_args[i].arg == index)
			return &call->derived_args[i];
	return NULL;
}

/* The relevant references found so far, for the fixed point: each added once. */
struct relevance {
	struct sova_engine *e;
	struct sova_strmap known; /* "def:param:path", of defs with a long list */
	char *key;
	size_t capkey;
};

/* Fields of parameters that one def's states bind, at most: its own tests
 * come first, then those its callees test of what it passes them, found
 * in the fixed point's order. Tests through locals (`struct foo *self =
 * data; if (self->priv->x)`) made these sets grow to hundreds of fields
 * in GLib's object code, and the fixed point with them (0.5 s to 8.9 s of
 * analysis); a field left out is unbound, which prunes less, never more. */
#define SOVA_MAX_PATH_REFS 16

/* A def's references are compared one by one while they are few (most
 * defs have a handful); past this many, they are also kept in a map. */
#define RELEVANT_LINEAR_MAX 16

/* "def:param:path", with no path written as "", in rv->key. */
static const char *relevant_key(struct relevance *rv, int def, int param, const char *path)
{
	size_t path_len = path ? strlen(path) : 0;
	size_t need = 32 + path_len;
	if (need > rv->capkey) {
		rv->capkey = need * 2;
		rv->key = sova_xrealloc(rv->key, rv->capkey, 1);
	}
	char *at = sova_put_decimal(rv->key, def);
	*at++ = ':';
	at = sova_put_decimal(at, param);
	*at++ = ':';
	memcpy(at, path ? path : "", path_len + 1);
	return rv->key;
}

static int relevant_known(struct relevance *rv, int def, int param, const char *path)
{
	const struct sova_relevant *r = &rv->e->relevant[def];
	if (r->n > RELEVANT_LINEAR_MAX)
		return sova_strmap_get(&rv->known, relevant_key(rv, def, param, path)) >= 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->refs[i].param == param && same_path(r->refs[i].path, path))
			return 1;
	return 0;
}

/* Adds a reference to def's; returns 1 when it is new. The fixed point
 * asks about the same reference many times: a def's few references are
 * scanned, and only a long list is looked up in the map. */
static int relevant_add(struct relevance *rv, int def, int param, const char *path)
{
	if (param < 0 || def < 0 || (path && rv->e->relevant[def].npaths >= SOVA_MAX_PATH_REFS) ||
	    relevant_known(rv, def, param, path))
		return 0;
	struct sova_param_ref ref = { param, path };
	struct sova_relevant *r = &rv->e->relevant[def];
	SOVA_PUSH(r->refs, r->n, r->cap, ref);
	r->npaths += path != NULL;
	if (r->n == RELEVANT_LINEAR_MAX + 1) /* the list turns into a map */
		for (size_t i = 0; i < r->n; i++)
			sova_strmap_put(&rv->known, relevant_key(rv, def, r->refs[i].param, r->refs[i].path), 1);
	else if (r->n > RELEVANT_LINEAR_MAX + 1)
		sova_strmap_put(&rv->known, relevant_key(rv, def, param, path), 1);
	return 1;
}

/* Fills rel's arg_first, arg_params and arg_values for def. */
static void index_arg_params(const struct sova_engine *e, int def, struct sova_relevant *rel)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	size_t nargs = 0;
	rel->arg_first = sova_xmalloc((fn->ncalls + 1) * sizeof(*rel->arg_first));
	for (size_t c = 0; c < fn->ncalls; c++) {
		rel->arg_first[c] = nargs;
		nargs += fn->calls[c].nargs;
	}
	rel->arg_params = sova_xmalloc((nargs + 1) * sizeof(*rel->arg_params));
	rel->arg_values = sova_xmalloc((nargs + 1) * sizeof(*rel->arg_values));
	for (size_t c = 0; c < fn->ncalls; c++)
		for (size_t k = 0; k < fn->calls[c].nargs; k++) {
			const struct sova_val *v = sova_engine_resolve_local(e, def, &fn->calls[c].args[k]);
			rel->arg_params[rel->arg_first[c] + k] = param_named(e, def, v);
			rel->arg_values[rel->arg_first[c] + k] = v;
		}
}

/* The parameter of def that argument `arg` of the call passes, or -1. */
static int arg_param(const struct sova_engine *e, int def, int call, size_t arg)
{
	const struct sova_relevant *rel = &e->relevant[def];
	if (arg >= e->prog->defs[def].fn->calls[call].nargs)
		return -1;
	return rel->arg_params[rel->arg_first[call] + arg];
}

/* Adds to caller's relevant references what callee keeps of the
 * parameters the call passes it; returns 1 when some are new. */
static int add_fed(struct relevance *rv, int caller, const struct sova_caller *at, int callee)
{
	const struct sova_engine *e = rv->e;
	const struct sova_call *call = sova_engine_call(e, caller, at->call);
	const struct sova_relevant *kept = &e->relevant[callee];
	int grew = 0;
	for (size_t i = 0; i < kept->n; i++) {
		const struct sova_param_ref *ref = &kept->refs[i];
		int param = arg_param(e, caller, at->call, (size_t)ref->param);
		const struct sova_derived_arg *test = ref->path ? NULL : derived_arg(call, ref->param);
		const char *path = ref->path;
		if (param < 0 && test) {
			param = test->cond.param;
			path = test->cond.path;
		}
		grew |= relevant_add(rv, caller, param, path);
	}
	return grew;
}

/* A def's relevant parameters: those it calls through or tests, then, to a
 * fixed point over its callers, those it forwards to a relevant one. Each
 * state of a def binds them, so a function pointer or a flag passed through
 * any number of helpers keeps its caller's value. */
static void find_relevant(struct sova_engine *e)
{
	size_t n = e->prog->ndefs;
	struct relevance rv = { e, { 0 }, NULL, 0 };
	sova_strmap_init(&rv.known);
	e->relevant = sova_xcalloc(n + 1, sizeof(*e->relevant));
	int *work = sova_xmalloc((n + 1) * sizeof(int));
	unsigned char *queued = sova_xcalloc(n + 1, 1);
	size_t nwork = 0;
	for (size_t d = 0; d < n; d++) {
		const struct sova_func *fn = e->prog->defs[d].fn;
		struct sova_relevant *rel = &e->relevant[d];
		rel->callee_params = sova_xmalloc((fn->ncalls + 1) * sizeof(int));
		rel->callee_paths = sova_xmalloc((fn->ncalls + 1) * sizeof(char *));
		index_arg_params(e, (int)d, rel);
		for (size_t c = 0; c < fn->ncalls; c++) {
			rel->callee_params[c] = callee_param(e, (int)d, (int)c, &rel->callee_paths[c]);
			relevant_add(&rv, (int)d, rel->callee_params[c], rel->callee_paths[c]);
			const struct sova_call *call = &fn->calls[c];
			for (size_t k = 0; k < call->nconds; k++)
				relevant_add(&rv, (int)d, call->conds[k].param, call->conds[k].path);
			for (size_t k = 0; k < call->nentry_conds; k++) {
				relevant_add(&rv, (int)d, call->entry_conds[k].a.param, call->entry_conds[k].a.path);
				relevant_add(&rv, (int)d, call->entry_conds[k].b.param, call->entry_conds[k].b.path);
			}
		}
		if (e->relevant[d].n) {
			work[nwork++] = (int)d;
			queued[d] = 1;
		}
	}
	/* A def whose relevant set grew makes the calls that reach it look again. */
	while (nwork) {
		int d = work[--nwork];
		queued[d] = 0;
		for (size_t k = 0; k < e->ncallers[d]; k++) {
			int caller = e->callers[d][k].def;
			if (add_fed(&rv, caller, &e->callers[d][k], d) && !queued[caller]) {
				work[nwork++] = caller;
				queued[caller] = 1;
			}
		}
	}
	free(work);
	free(queued);
	free(rv.key);
	sova_strmap_free(&rv.known);
}

void sova_relevant_free(struct sova_engine *e)
{
	for (size_t d = 0; e->relevant && d < e->prog->ndefs; d++) {
		free(e->relevant[d].refs);
		free(e->relevant[d].callee_params);
		free(e->relevant[d].callee_paths);
		free(e->relevant[d].arg_params);
		free(e->relevant[d].arg_values);
		free(e->relevant[d].arg_first);
	}
	free(e->relevant);
	e->relevant = NULL;
	free(e->reads_elements);
	e->reads_elements = NULL;
}

/* ---- calling contexts ---- */

static const struct sova_bound unknown_bound = { SOVA_BOUND_UNKNOWN, 0 };

/* What state binds a reference to, or UNKNOWN. */
static struct sova_bound bound_of(const struct sova_engine *e, const struct sova_reach *reach, int state, int param,
				  const char *path)
{
	const struct sova_worker_state *st = &reach->states[state];
	int i = relevant_index(&e->relevant[st->def], param, path);
	return i >= 0 ? reach->bounds[st->bounds + (size_t)i] : unknown_bound;
}

/* What the tests around a call say of a reference, on top of b. */
static struct sova_bound refined(const struct sova_call *call, int param, const char *path, struct sova_bound b)
{
	for (size_t i = 0; i < call->nconds && b.kind == SOVA_BOUND_UNKNOWN; i++) {
		const struct sova_cond *cond = &call->conds[i];
		if (cond->param != param || !same_path(cond->path, path) || cond->mask || cond->rel)
			continue; /* a test of some bits, or of order, binds no value */
		if (cond->equal)
			b = (struct sova_bound){ SOVA_BOUND_INT, cond->value };
		else if (cond->value == 0)
			b = (struct sova_bound){ SOVA_BOUND_NONNULL, 0 };
	}
	return b;
}

static int cond_contradicted(const struct sova_cond *cond, struct sova_bound b)
{
	if (cond->rel == SOVA_COND_LESS) /* only a number is ordered */
		return b.kind == SOVA_BOUND_INT && (b.num < cond->value) != cond->equal;
	if (b.kind == SOVA_BOUND_INT) {
		long tested = cond->mask ? b.num & cond->mask : b.num;
		return cond->equal ? tested != cond->value : tested == cond->value;
	}
	if (cond->mask) /* an address's bits are not known */
		return 0;
	if (b.kind == SOVA_BOUND_FUNC || b.kind == SOVA_BOUND_NONNULL)
		return cond->equal && cond->value == 0;
	return 0;
}

/* The argument a test computes, from what its parameter holds. */
static struct sova_bound tested_value(const struct sova_derived_arg *test, struct sova_bound param)
{
	if (test->keep_bits)
		return param.kind == SOVA_BOUND_INT ? (struct sova_bound){ SOVA_BOUND_INT, param.num & test->cond.mask }
						    : unknown_bound;
	if (param.kind == SOVA_BOUND_UNKNOWN)
		return unknown_bound;
	struct sova_cond opposite = test->cond;
	opposite.equal = !opposite.equal;
	if (cond_contradicted(&test->cond, param))
		return (struct sova_bound){ SOVA_BOUND_INT, 0 };
	if (cond_contradicted(&opposite, param))
		return (struct sova_bound){ SOVA_BOUND_INT, 1 };
	return unknown_bound;
}

/* What the call's own tests of an argument say of it (arg_conds):
 * `it->state = DONE; process(it);`, `if (wp != NULL) key(wp);`. */
static struct sova_bound arg_known(const struct sova_call *call, int arg, const char *path)
{
	return sova_conds_bind(call->arg_conds, call->narg_conds, arg, path);
}

static struct sova_bound bound_arg_value(const struct sova_engine *e, const struct sova_reach *reach, int state,
					 int call, const struct sova_param_ref *ref);

/* What the reference (index, path) of a callee holds when a call made in
 * state passes its argument `index`: a constant the call's own tests fix,
 * else what the argument's value says, else that the tests make it non-NULL. */
static struct sova_bound bound_arg(const struct sova_engine *e, const struct sova_reach *reach, int state, int call,
				   const struct sova_param_ref *ref)
{
	const struct sova_call *at = sova_engine_call(e, reach->states[state].def, call);
	struct sova_bound known = arg_known(at, (int)ref->param, ref->path);
	if (known.kind == SOVA_BOUND_INT)
		return known;
	struct sova_bound b = bound_arg_value(e, reach, state, call, ref);
	if (b.kind != SOVA_BOUND_UNKNOWN)
		return b;
	if (known.kind != SOVA_BOUND_UNKNOWN)
		return known;
	return sova_element_bound(e, reach->states[state].def, call, (int)ref->param, ref->path);
}

static struct sova_bound bound_arg_value(const struct sova_engine *e, const struct sova_reach *reach, int state,
					 int call, const struct sova_param_ref *ref)
{
	int def = reach->states[state].def;
	const struct sova_val *arg = sova_engine_arg(e, def, call, ref->param);
	if (!arg)
		return unknown_bound;
	int param = arg_param(e, def, call, (size_t)ref->param);
	if (param >= 0)
		return refined(sova_engine_call(e, def, call), param, ref->path,
			       bound_of(e, reach, state, param, ref->path));
	const struct sova_relevant *rel = &e->relevant[def];
	const struct sova_val *v = rel->arg_values[rel->arg_first[call] + (size_t)ref->param];
	if (ref->path) { /* run_with(&fast_ops): the callee's o->run is fast_ops.run */
		int slot = sova_program_member_slot(e->prog, v, ref->path);
		return slot >= 0 ? (struct sova_bound){ SOVA_BOUND_SLOT, slot } : unknown_bound;
	}
	const struct sova_call *c = sova_engine_call(e, def, call);
	const struct sova_derived_arg *test = derived_arg(c, (int)ref->param);
	if (test)
		return tested_value(test, refined(c, test->cond.param, test->cond.path,
						  bound_of(e, reach, state, test->cond.param, test->cond.path)));
	if (v->kind == SOVA_VAL_INT && !v->element && !v->address)
		return (struct sova_bound){ SOVA_BOUND_INT, v->num };
	if (v->kind == SOVA_VAL_FUNC && !v->element) {
		int sym = sova_strmap_get(&e->prog->sym_by_usr, v->usr);
		return sym >= 0 ? (struct sova_bound){ SOVA_BOUND_FUNC, sym } : unknown_bound;
	}
	if (v->address && !v->element)
		return (struct sova_bound){ SOVA_BOUND_NONNULL, 0 };
	return unknown_bound;
}

int sova_state_contradiction(const struct sova_engine *e, const struct sova_reach *reach, int state, int call,
			     struct sova_bound bound[2])
{
	const struct sova_call *c = sova_engine_call(e, reach->states[state].def, call);
	for (size_t i = 0; i < c->nconds; i++) {
		bound[0] = bound[1] = bound_of(e, reach, state, c->conds[i].param, c->conds[i].path);
		if (cond_contradicted(&c->conds[i], bound[0]))
			return (int)i;
	}
	for (size_t i = 0; i < c->nentry_conds; i++) {
		const struct sova_either *either = &c->entry_conds[i];
		bound[0] = bound_of(e, reach, state, either->a.param, either->a.path);
		bound[1] = bound_of(e, reach, state, either->b.param, either->b.path);
		if (cond_contradicted(&either->a, bound[0]) && cond_contradicted(&either->b, bound[1]))
			return (int)(c->nconds + i);
	}
	return -1;
}

int sova_state_allows(const struct sova_engine *e, const struct sova_reach *reach, int state, int call)
{
	struct sova_bound bound[2];
	return sova_state_contradiction(e, reach, state, call, bound) < 0;
}

/* The syms a call may reach in a state: for a call through a parameter
 * bound to a function, that function; through a member of a parameter
 * bound to a variable, what that variable's member holds; otherwise every
 * function the program ever stores where the call reads. */
static void state_targets(const struct sova_engine *e, const struct sova_reach *reach, int state, int call,
			  int **out, size_t *n, size_t *cap)
{
	*n = 0;
	int def = reach->states[state].def;
	const struct sova_relevant *rel = &e->relevant[def];
	int param = rel->callee_params[call];
	struct sova_bound b = param >= 0 ? bound_of(e, reach, state, param, rel->callee_paths[call]) : unknown_bound;
	if (b.kind == SOVA_BOUND_FUNC) {
		SOVA_PUSH(*out, *n, *cap, (int)b.num);
		return;
	}
	if (b.kind == SOVA_BOUND_INT) /* a call through NULL does not happen */
		return;
	if (b.kind == SOVA_BOUND_SLOT) {
		const struct sova_slot *slot = &e->prog->slots[b.num];
		for (size_t k = 0; k < slot->nsyms; k++)
			SOVA_PUSH(*out, *n, *cap, slot->syms[k]);
		return;
	}
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++)
		SOVA_PUSH(*out, *n, *cap, *t);
}

/* ---- the search ---- */

struct int_list {
	int *items;
	size_t n, cap;
};

struct search {
	const struct sova_engine *e;
	struct sova_reach *reach;
	struct sova_unitsets units; /* the sets of programs paths are part of */
	int *def_units;             /* per def: the id of its body's programs */
	struct sova_pairmap seen_plain; /* states bound nothing: (def and unit set, entry sym or -1) */
	struct int_list *def_entries; /* per def: the entry syms whose paths into it are kept apart */
	struct sova_strmap seen;    /* "def:units:bounds" of those with some */
	struct sova_strmap pruned;  /* "def:call:reason" of the calls recorded as not followed */
	char *key;
	size_t capkey;
};

/* "def:units:sym:k=v,..." for a def with relevant parameters, into s->key;
 * sym is the entry whose paths are kept apart, or -1 for any. */
static const char *state_key(struct search *s, int def, int units, int sym, const struct sova_bound *bounds,
			     size_t n)
{
	size_t need = 60 + n * 48;
	if (need > s->capkey) {
		s->capkey = need * 2;
		s->key = sova_xrealloc(s->key, s->capkey, 1);
	}
	char *at = s->key;
	at = sova_put_decimal(at, def);
	*at++ = ':';
	at = sova_put_decimal(at, units);
	*at++ = ':';
	at = sova_put_decimal(at, sym);
	*at++ = ':';
	for (size_t i = 0; i < n; i++) {
		at = sova_put_decimal(at, (long)bounds[i].kind);
		*at++ = '=';
		at = sova_put_decimal(at, bounds[i].num);
		*at++ = ',';
	}
	*at = '\0';
	return s->key;
}

/* Returns 1 when def was entered with these programs (from entry sym, or
 * -1: from any) before, and notes them. */
static int seen_plain(struct search *s, int def, int units, int sym)
{
	uint64_t where = (uint64_t)(uint32_t)def << 32 | (uint32_t)units;
	if (sova_pairmap_get(&s->seen_plain, where, (uint64_t)(uint32_t)sym) >= 0)
		return 1;
	sova_pairmap_put(&s->seen_plain, where, (uint64_t)(uint32_t)sym, 1);
	return 0;
}

/* The entry sym whose paths into def are kept apart from other entries',
 * or -1. The first --entry-flows entry functions to reach a def by an
 * unambiguous path are, so that a site shows a chain from each; later ones,
 * and ambiguous paths, share their states, and the def is marked as
 * reached from more. */
static int tracked_entry(struct search *s, int def, int entry, int ambiguous)
{
	if (ambiguous || s->e->entry_flows <= 1)
		return -1;
	int sym = s->e->entries[entry].sym;
	struct int_list *seen = &s->def_entries[def];
	for (size_t i = 0; i < seen->n; i++)
		if (seen->items[i] == sym)
			return sym;
	if (seen->n < (size_t)s->e->entry_flows) {
		SOVA_PUSH(seen->items, seen->n, seen->cap, sym);
		return sym;
	}
	s->reach->more_entries[def] = 1;
	return -1;
}

/* Returns 1 when a state like this one was made before; notes it, and,
 * for a tracked entry, that some entry reached it. */
static int seen_state(struct search *s, const struct sova_worker_state *st, int sym, int bound)
{
	const struct sova_relevant *rel = &s->e->relevant[st->def];
	/* No state may have bounds yet, and NULL + 0 is undefined: index only when bound. */
	const struct sova_bound *bounds = bound ? &s->reach->bounds[st->bounds] : NULL;
	int units = st->units * 2 + st->unresolved;
	if (s->e->context_tests) /* what a path may run depends on its entry's context */
		units = units * SOVA_CTX_NCONTEXTS + (int)s->e->entries[st->entry].context;
	if (!bound) { /* most states: a string key for each cost more than the rest of the search */
		if (seen_plain(s, st->def, units, sym))
			return 1;
		if (sym >= 0)
			seen_plain(s, st->def, units, -1);
		return 0;
	}
	const char *key = state_key(s, st->def, units, sym, bounds, rel->n);
	if (sova_strmap_get(&s->seen, key) >= 0)
		return 1;
	sova_strmap_put(&s->seen, key, 1);
	if (sym >= 0)
		sova_strmap_put(&s->seen, state_key(s, st->def, units, -1, bounds, rel->n), 1);
	return 0;
}

/* The programs a path entering def from state parent (or as entry, with
 * no parent) can be part of: those of the code it comes from, and for an
 * entry, of the code that registered it; -1 when none. */
static int path_units(struct search *s, int def, int parent, int entry)
{
	if (parent >= 0)
		return sova_unitsets_meet(&s->units, s->reach->states[parent].units, s->def_units[def]);
	int registrar = s->e->entries[entry].def;
	return registrar >= 0 ? sova_unitsets_meet(&s->units, s->def_units[registrar], s->def_units[def])
			      : s->def_units[def];
}

/* Keeps, for --explain, the first state that did not follow a call for a reason. */
static void record_pruned(struct search *s, const struct sova_pruned *p)
{
	if (!s->e->record_pruned)
		return;
	char key[64];
	snprintf(key, sizeof(key), "%d:%d:%d", s->reach->states[p->state].def, p->call, (int)p->reason);
	if (sova_strmap_get(&s->pruned, key) >= 0)
		return;
	sova_strmap_put(&s->pruned, key, 1);
	SOVA_PUSH(s->reach->pruned, s->reach->npruned, s->reach->cappruned, *p);
}

/* Why a state does not follow a call, or 0 when it does. */
static enum sova_prune prune_reason(const struct sova_engine *e, const struct sova_reach *reach, int state, int call,
				    struct sova_pruned *p)
{
	int def = reach->states[state].def;
	*p = (struct sova_pruned){ .state = state, .call = call, .cond = -1, .target = -1 };
	if ((p->cond = sova_state_contradiction(e, reach, state, call, p->bound)) >= 0)
		return p->reason = SOVA_PRUNE_CONDITION;
	if (sova_engine_on_exhaustion(e, def, call))
		return p->reason = SOVA_PRUNE_EXHAUSTION;
	if (sova_engine_on_fatal_path(e, def, call))
		return p->reason = SOVA_PRUNE_FATAL;
	if (!e->show_unresolved && sova_engine_unresolved(e, def, call))
		return p->reason = SOVA_PRUNE_UNRESOLVED;
	if (sova_engine_context_excludes(e, def, call, e->entries[reach->states[state].entry].context))
		return p->reason = SOVA_PRUNE_CONTEXT;
	return 0;
}

/* Enters def from a call in state parent: a path goes on only into code
 * of a program it can be part of, never from one program into another's
 * own code. */
static void enter(struct search *s, int def, int parent, int parent_call, int entry, int picked)
{
	struct sova_reach *r = s->reach;
	const struct sova_relevant *rel = &s->e->relevant[def];
	int units = path_units(s, def, parent, entry);
	if (units < 0) {
		if (parent >= 0)
			record_pruned(s, &(struct sova_pruned){ .state = parent, .call = parent_call,
								 .reason = SOVA_PRUNE_OTHER_PROGRAM, .cond = -1,
								 .target = def });
		return;
	}
	int unresolved = parent >= 0 && (r->states[parent].unresolved ||
					 sova_engine_unresolved(s->e, r->states[parent].def, parent_call));
	int ambiguous = picked || (parent >= 0 && r->states[parent].ambiguous);
	struct sova_worker_state st = { def, parent, parent_call, entry, r->nbounds, units, unresolved, ambiguous };
	int bound = 0;
	for (size_t i = 0; i < rel->n; i++) {
		struct sova_bound b = parent >= 0 ? bound_arg(s->e, r, parent, parent_call, &rel->refs[i]) : unknown_bound;
		bound |= b.kind != SOVA_BOUND_UNKNOWN;
		SOVA_PUSH(r->bounds, r->nbounds, r->capbounds, b);
	}
	if (seen_state(s, &st, tracked_entry(s, def, entry, ambiguous), bound)) {
		r->nbounds = st.bounds;
		return;
	}
	SOVA_PUSH(r->states, r->nstates, r->capstates, st);
	int index = (int)r->nstates - 1;
	SOVA_GROW(r->next_state, (size_t)index, r->capnext);
	r->next_state[index] = -1;
	if (r->first_state[def] < 0)
		r->first_state[def] = index;
	else
		r->next_state[r->last_state[def]] = index;
	r->last_state[def] = index;
}

static void expand(struct search *s, int state, int **targets, size_t *cap)
{
	const struct sova_engine *e = s->e;
	struct sova_worker_state st = s->reach->states[state];
	size_t ncalls = e->prog->defs[st.def].fn->ncalls;
	for (size_t c = 0; c < ncalls; c++) {
		struct sova_pruned pruned;
		if (prune_reason(e, s->reach, state, (int)c, &pruned)) {
			record_pruned(s, &pruned);
			continue;
		}
		size_t n;
		state_targets(e, s->reach, state, (int)c, targets, &n, cap);
		for (size_t k = 0; k < n; k++) {
			int sym = (*targets)[k];
			if (!sova_engine_traversable(e, sym))
				continue;
			const struct sova_sym *ss = &e->prog->syms[sym];
			for (size_t i = 0; i < ss->ndefs; i++)
				enter(s, ss->defs[i], state, (int)c, st.entry, n > 1);
		}
	}
}

/* Searches from the entries whose context passes `keep`. */
static void search(const struct sova_engine *e, int (*keep)(enum sova_context), struct sova_reach *reach)
{
	size_t n = e->prog->ndefs;
	struct search s;
	memset(&s, 0, sizeof(s));
	s.e = e;
	s.reach = reach;
	sova_pairmap_init(&s.seen_plain);
	s.def_entries = sova_xcalloc(n + 1, sizeof(*s.def_entries));
	sova_strmap_init(&s.seen);
	sova_strmap_init(&s.pruned);
	sova_unitsets_init(&s.units, &e->prog->units);
	s.def_units = sova_xmalloc((n + 1) * sizeof(int));
	for (size_t d = 0; d < n; d++)
		s.def_units[d] = sova_unitsets_intern(&s.units, &e->prog->def_units[d * e->prog->units.nwords]);
	memset(reach, 0, sizeof(*reach));
	reach->more_entries = sova_xcalloc(n + 1, 1);
	reach->first_state = sova_xmalloc((n + 1) * sizeof(int));
	reach->last_state = sova_xmalloc((n + 1) * sizeof(int));
	for (size_t d = 0; d < n; d++)
		reach->first_state[d] = reach->last_state[d] = -1;
	for (size_t k = 0; k < e->nentries; k++) {
		if (!keep(e->entries[k].context))
			continue;
		const struct sova_sym *sym = &e->prog->syms[e->entries[k].sym];
		for (size_t i = 0; i < sym->ndefs; i++)
			enter(&s, sym->defs[i], -1, -1, (int)k, 0);
	}
	int *targets = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < reach->nstates; i++)
		expand(&s, (int)i, &targets, &cap);
	free(targets);
	for (size_t d = 0; d < n; d++)
		free(s.def_entries[d].items);
	sova_pairmap_free(&s.seen_plain);
	free(s.def_entries);
	free(s.def_units);
	sova_unitsets_free(&s.units);
	free(s.key);
	sova_strmap_free(&s.seen);
	sova_strmap_free(&s.pruned);
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

struct side_search {
	const struct sova_engine *e;
	struct sova_reach *reach;
};

static void *run_any_search(void *arg)
{
	struct side_search *side = arg;
	search(side->e, any_context, side->reach);
	return NULL;
}

/* The two searches read the engine only, each into its own reach: with
 * threads to spare, one runs beside the other. */
static void search_both(struct sova_engine *e, int jobs)
{
	struct side_search side = { e, &e->any };
	pthread_t thread;
	if (jobs > 1 && pthread_create(&thread, NULL, run_any_search, &side) == 0) {
		search(e, single_threaded, &e->single);
		pthread_join(thread, NULL);
		return;
	}
	search(e, any_context, &e->any);
	search(e, single_threaded, &e->single);
}

void sova_find_workers(struct sova_engine *e, int jobs)
{
	find_submit_entries(e);
	find_typed_entries(e);
	find_field_entries(e);
	link_queued_handles(e);
	find_annotated_entries(e);
	index_entries(e);
	find_relevant(e);
	e->reads_elements = sova_find_element_readers(e);
	search_both(e, jobs);
}

void sova_reach_free(struct sova_reach *reach)
{
	free(reach->states);
	free(reach->first_state);
	free(reach->more_entries);
	free(reach->next_state);
	free(reach->last_state);
	free(reach->bounds);
	free(reach->pruned);
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
