/* engine.c - stage 5's read-only index over the linked program and the
 * models: which models apply in which TU, every call's model entry per
 * role, the callers of every function, and the queries the stage's other
 * files ask of them. It calls nothing else in the stage: workers.c,
 * provenance.c, selfwait.c, joins.c, unresolved.c, chain.c and contexts.c
 * depend on it, never the other way. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NROLES SOVA_API_NROLES

/* ---- the engine's view of calls ---- */

const char *sova_engine_def_name(const struct sova_engine *e, int def)
{
	return e->prog->defs[def].fn->name;
}

const struct sova_call *sova_engine_call(const struct sova_engine *e, int def, int call)
{
	return &e->prog->defs[def].fn->calls[call];
}

struct sova_loc sova_engine_loc(const struct sova_engine *e, int def, struct sova_loc loc)
{
	return sova_program_loc(e->prog, e->prog->defs[def].tu, loc);
}

const struct sova_val *sova_engine_arg(const struct sova_engine *e, int def, int call, long index)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	return index >= 0 && (size_t)index < c->nargs ? &c->args[index] : NULL;
}

const struct sova_val *sova_engine_result_storage(const struct sova_engine *e, int def, int call)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t i = 0; i < fn->nassigns; i++)
		if (fn->assigns[i].value.kind == SOVA_VAL_CALL && fn->assigns[i].value.num == call)
			return &fn->assigns[i].target;
	return NULL;
}

static const struct sova_val *implicit_executor(const struct sova_engine *e, const struct sova_api_fn *api)
{
	return api->implicit_executor ? &e->implicit_vals[api - e->models->fns] : NULL;
}

const struct sova_val *sova_engine_executor_arg(const struct sova_engine *e, int def, int call,
						const struct sova_api_fn *api)
{
	const struct sova_val *arg = sova_engine_arg(e, def, call, api->executor_arg);
	return arg ? arg : implicit_executor(e, api);
}

const struct sova_val *sova_engine_future_arg(const struct sova_engine *e, int def, int call,
					      const struct sova_api_fn *api)
{
	const struct sova_val *arg = sova_engine_arg(e, def, call, api->future_arg);
	return arg ? arg : implicit_executor(e, api);
}

enum sova_exec_kind sova_engine_implicit_kind(const struct sova_engine *e, const struct sova_val *val)
{
	for (size_t i = 0; val->kind == SOVA_VAL_GLOBAL && val->usr && i < e->models->nfns; i++) {
		const struct sova_api_fn *fn = &e->models->fns[i];
		if (fn->implicit_usr && fn->implicit_kind != SOVA_EXEC_UNKNOWN && strcmp(fn->implicit_usr, val->usr) == 0)
			return fn->implicit_kind;
	}
	return SOVA_EXEC_UNKNOWN;
}

int sova_engine_result_of(const struct sova_engine *e, int def, const struct sova_val *v)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (int hops = 0; hops < 8 && v->kind == SOVA_VAL_LOCAL && !v->element; hops++) {
		const struct sova_val *only = NULL;
		for (size_t i = 0; i < fn->nassigns; i++) {
			const struct sova_assign *a = &fn->assigns[i];
			if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || strcmp(a->target.usr, v->usr) != 0)
				continue;
			if (only)
				return -1;
			only = &a->value;
		}
		if (!only)
			return -1;
		v = only;
	}
	return v->kind == SOVA_VAL_CALL && v->num >= 0 && (size_t)v->num < fn->ncalls ? (int)v->num : -1;
}

/* fwrite(buf, 1, n, stderr): the argument is, as written, one of the named
 * file-scope variables, not an element or a member of one. */
static int is_global_named(const struct sova_val *v, const struct sova_when *when)
{
	for (size_t i = 0; v->kind == SOVA_VAL_GLOBAL && v->name && !v->element && !v->path && i < when->nnames; i++)
		if (strcmp(v->name, when->names[i]) == 0)
			return 1;
	return 0;
}

static int only_globals_named(const struct sova_engine *e, int def, const struct sova_val *v,
			      const struct sova_when *when, int depth);

/* Every return of every body of the function a call calls is one of the
 * named globals (log_level_to_file: stderr or stdout). */
static int returns_only_globals(const struct sova_engine *e, int def, long call, const struct sova_when *when,
				int depth)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (call < 0 || (size_t)call >= fn->ncalls || !fn->calls[call].callee_usr)
		return 0;
	int sym = sova_strmap_get(&e->prog->sym_by_usr, fn->calls[call].callee_usr);
	const struct sova_sym *s = sym >= 0 ? &e->prog->syms[sym] : NULL;
	if (!s || !s->ndefs)
		return 0;
	for (size_t k = 0; k < s->ndefs; k++) {
		const struct sova_func *callee = e->prog->defs[s->defs[k]].fn;
		if (!callee->nreturns)
			return 0;
		for (size_t r = 0; r < callee->nreturns; r++)
			if (!only_globals_named(e, s->defs[k], &callee->returns[r], when, depth + 1))
				return 0;
	}
	return 1;
}

/* A parameter of a function whose callers are all known (callers.c:
 * static, or an executable's own), which every caller gives one of the
 * named globals (a logging helper's stream). */
static int params_only_globals(const struct sova_engine *e, int def, const struct sova_val *v,
			       const struct sova_when *when, int depth)
{
	size_t ncallers;
	const struct sova_caller *callers = sova_engine_known_callers(e, def, &ncallers);
	if (v->element || v->path || !callers)
		return 0;
	for (size_t i = 0; i < ncallers; i++) {
		const struct sova_caller *c = &callers[i];
		const struct sova_call *call = &e->prog->defs[c->def].fn->calls[c->call];
		if (!call->callee_usr || v->num < 0 || (size_t)v->num >= call->nargs ||
		    !only_globals_named(e, c->def, &call->args[v->num], when, depth + 1))
			return 0;
	}
	return 1;
}

/* The argument is one of the named globals, or a local (a ?: included)
 * that the function only ever sets to them or to NULL, and to one of
 * them at least: `FILE *echo = NULL; ... echo = stdout; ... echo = stderr;`;
 * or the result of a function that only returns them; or, once the
 * callers are known, a parameter that every caller gives one of them. */
static int only_globals_named(const struct sova_engine *e, int def, const struct sova_val *v,
			      const struct sova_when *when, int depth)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (depth > 4)
		return 0;
	if (v->kind == SOVA_VAL_CALL)
		return returns_only_globals(e, def, v->num, when, depth);
	if (sova_engine_is_param_of(e, def, v))
		return params_only_globals(e, def, v, when, depth);
	if (v->kind != SOVA_VAL_LOCAL)
		return is_global_named(v, when) ? 1 : 0;
	if (v->element || v->path || v->address || sova_func_passes_address(fn, v))
		return 0;
	int named = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || strcmp(a->target.usr, v->usr) != 0)
			continue;
		if (a->value.kind == SOVA_VAL_INT && a->value.num == 0)
			continue;
		if (!only_globals_named(e, def, &a->value, when, depth + 1))
			return 0;
		named = 1;
	}
	return named;
}

int sova_engine_arg_names_globals(const struct sova_engine *e, int def, int call, const struct sova_when *when)
{
	const struct sova_val *v = when->is == SOVA_ARG_UNLESS_GLOBAL ? sova_engine_arg(e, def, call, when->arg) : NULL;
	return v && only_globals_named(e, def, v, when, 0);
}

/* Whether a stored-into access path is field `field` of the storage base names. */
static int path_is_field_of(const char *path, const char *base, const char *field)
{
	size_t n = strlen(base);
	if (!path || strncmp(path, base, n) != 0 || path[n] != SOVA_PATH_MEMBER)
		return 0;
	const char *fi = strstr(path + n + 1, "@FI@");
	return fi && !strchr(path + n + 1, SOVA_PATH_MEMBER) && strcmp(fi + 4, field) == 0;
}

/* The bits surely set in field `field` of what an argument points to (&hints,
 * or a pointer to it), when the call is made: those every plain constant
 * store into it before the call sets (|= only adds bits). Returns 0 when
 * nothing is stored there first, and the bits are unknown. */
static int field_bits(const struct sova_engine *e, int def, int call, const struct sova_val *arg, const char *field,
		      long *bits)
{
	const struct sova_val *base = sova_engine_resolve_local(e, def, arg);
	if (!base->usr || base->path || base->element || base->kind == SOVA_VAL_FIELD)
		return 0;
	const struct sova_func *fn = e->prog->defs[def].fn;
	int found = 0;
	*bits = ~0L;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (a->value.kind != SOVA_VAL_INT || a->or_bits || a->seq > (unsigned)call ||
		    !path_is_field_of(a->target.path, base->usr, field))
			continue;
		*bits &= a->value.num;
		found = 1;
	}
	return found;
}

static int when_field_holds(const struct sova_engine *e, int def, const struct sova_when *when, int call,
			    const struct sova_val *arg)
{
	long bits;
	int known = field_bits(e, def, call, arg, when->field, &bits);
	if (when->is == SOVA_ARG_UNLESS_BITS_SET)
		return !(known && (bits & when->value) == when->value);
	return 1; /* other tests on a field prove nothing yet: the call is taken as it is modelled */
}

/* A model's "when" on a call's argument. Only constants prove a value;
 * "nonnull" holds unless the argument is provably NULL, since a callback
 * argument that is not NULL registers whatever functions it may hold. */
static int when_holds(const struct sova_engine *e, int def, const struct sova_when *when, const struct sova_call *call)
{
	if (when->arg < 0)
		return 1;
	if ((size_t)when->arg >= call->nargs)
		return 0;
	const struct sova_val *v = &call->args[when->arg];
	if (when->field)
		return when_field_holds(e, def, when, (int)(call - e->prog->defs[def].fn->calls), v);
	int known = v->kind == SOVA_VAL_INT;
	long n = v->num;
	switch (when->is) {
	case SOVA_ARG_NULL:
	case SOVA_ARG_FALSE:
		return known && n == 0;
	case SOVA_ARG_NONNULL:
		return !(known && n == 0);
	case SOVA_ARG_TRUE:
		return (known && n != 0) || v->kind == SOVA_VAL_FUNC || v->address;
	case SOVA_ARG_NEGATIVE:
		return known && n < 0;
	case SOVA_ARG_EQUALS:
		return known && n == when->value;
	case SOVA_ARG_NOT_EQUALS:
		return known && n != when->value;
	case SOVA_ARG_BITS_CLEAR:
		return known && (n & when->value) == 0;
	case SOVA_ARG_MADE_BY:
		return sova_arg_made_by(e, def, call, when->arg, when->names, when->nnames);
	case SOVA_ARG_UNLESS_GLOBAL:
		return !only_globals_named(e, def, v, when, 0);
	case SOVA_ARG_UNLESS_MADE_BY:
		return !sova_arg_made_by(e, def, call, when->arg, when->names, when->nnames);
	case SOVA_ARG_UNLESS_BITS_SET:
		return !(known && (n & when->value) == when->value);
	default:
		return 1;
	}
}

/* The newest entry, from a name's first, in the role whose model applies in the TU. */
static const struct sova_api_fn *api_in_role(const struct sova_engine *e, int def, const struct sova_api_fn *fn,
					     enum sova_api_role role, const struct sova_call *call)
{
	const struct sova_models *m = e->models;
	int tu = e->prog->defs[def].tu;
	for (; fn; fn = fn->next >= 0 ? &m->fns[fn->next] : NULL)
		if (fn->role == role && e->active[(size_t)tu * m->nmodels + (size_t)fn->model])
			return when_holds(e, def, &fn->when, call) ? fn : NULL;
	return NULL;
}

int sova_engine_when_holds(const struct sova_engine *e, int def, const struct sova_when *when, int call)
{
	return when_holds(e, def, when, sova_engine_call(e, def, call));
}

#define NROLES SOVA_API_NROLES

const struct sova_api_fn *sova_engine_api(const struct sova_engine *e, int def, int call, enum sova_api_role role)
{
	return e->apis[def][(size_t)call * NROLES + role];
}

static int call_takes(const struct sova_call *c, const char *type)
{
	for (size_t i = 0; i < c->nargs; i++)
		if (c->args[i].param_type && strcmp(c->args[i].param_type, type) == 0)
			return 1;
	return 0;
}

/* Whether a model that applies in def's TU names the function, in any role:
 * its entries then say all there is, and no pattern applies. */
static int named_in_tu(const struct sova_engine *e, int def, const struct sova_api_fn *fn)
{
	int tu = e->prog->defs[def].tu;
	for (; fn; fn = fn->next >= 0 ? &e->models->fns[fn->next] : NULL)
		if (e->active[(size_t)tu * e->models->nmodels + (size_t)fn->model])
			return 1;
	return 0;
}

/* The blocking pattern a direct call to a function no model names matches
 * (g_file_query_info: "g_file_", takes a GCancellable), first one first. */
static const struct sova_api_fn *find_pattern(const struct sova_engine *e, int def, const struct sova_call *c)
{
	const struct sova_models *m = e->models;
	int tu = e->prog->defs[def].tu;
	for (size_t i = 0; i < m->npatterns; i++) {
		const struct sova_blocking_pattern *p = &m->patterns[i];
		if (!e->active[(size_t)tu * m->nmodels + (size_t)p->fn.model] ||
		    !sova_pattern_matches_name(p, c->callee_name) || (p->takes && !call_takes(c, p->takes)))
			continue;
		int excluded = 0;
		for (size_t k = 0; k < p->nnot_takes && !excluded; k++)
			excluded = call_takes(c, p->not_takes[k]);
		if (!excluded)
			return when_holds(e, def, &p->fn.when, c) ? &p->fn : NULL;
	}
	return NULL;
}

/* A direct call's targets are its callee; a call through a pointer takes
 * the first modelled function the pointer may hold. */
static const struct sova_api_fn *find_api(const struct sova_engine *e, int def, int call, enum sova_api_role role)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++) {
		const struct sova_api_fn *api = api_in_role(e, def, e->model_entries[*t], role, c);
		if (!api && c->callee_usr && role == SOVA_API_BLOCKING && !named_in_tu(e, def, e->model_entries[*t]))
			api = find_pattern(e, def, c);
		if (api || c->callee_usr)
			return api;
	}
	return NULL;
}

const struct sova_val *sova_engine_resolve_local(const struct sova_engine *e, int def, const struct sova_val *val)
{
	return sova_def_resolve_local(&e->prog->defs[def], val);
}

const struct sova_val *sova_engine_resolved_arg(const struct sova_engine *e, int def, int call, int index)
{
	const struct sova_val *v = sova_engine_arg(e, def, call, index);
	return v ? sova_engine_resolve_local(e, def, v) : NULL;
}

const struct sova_val *sova_engine_resolve(const struct sova_engine *e, int def, const struct sova_val *val)
{
	return def >= 0 ? sova_engine_resolve_local(e, def, val) : val;
}

int sova_engine_callable_outside(const struct sova_engine *e, int def)
{
	const struct sova_def *d = &e->prog->defs[def];
	return d->fn->external || e->field_method[d->sym];
}

int sova_engine_is_param_of(const struct sova_engine *e, int def, const struct sova_val *val)
{
	return val->kind == SOVA_VAL_PARAM && strcmp(val->usr, e->prog->defs[def].fn->usr) == 0;
}

const struct sova_annotation_model *sova_engine_annotation(const struct sova_engine *e, int sym,
							  enum sova_annotation_meaning means)
{
	const struct sova_sym *s = &e->prog->syms[sym];
	for (size_t i = 0; i < e->models->nannotations; i++) {
		const struct sova_annotation_model *a = &e->models->annotations[i];
		if (a->means == means && sova_sym_annotated(s, a->name))
			return a;
	}
	return NULL;
}

int sova_engine_on_exhaustion(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (size_t i = 0; i < c->nguards; i++)
		if (sova_guard_true(c->guards[i]) && sova_engine_api(e, def, c->guards[i], SOVA_API_EXHAUSTIBLE))
			return 1;
	return 0;
}

int sova_engine_on_fatal_path(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (c->dies_at == SOVA_DIES_SPINNING)
		return 1;
	return c->dies_at > 0 && !sova_engine_api(e, def, c->dies_at - 1, SOVA_API_NORETURN_NOT_FATAL);
}

int sova_engine_context_excludes(const struct sova_engine *e, int def, int call, enum sova_context context)
{
	if (!e->context_tests)
		return 0;
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (size_t i = 0; i < c->nguards; i++) {
		const struct sova_api_fn *test =
			sova_engine_api(e, def, sova_guard_call(c->guards[i]), SOVA_API_CONTEXT_TEST);
		if (test && (test->context == context) != sova_guard_true(c->guards[i]))
			return 1;
	}
	return 0;
}

int sova_engine_nested_in_own_pool(const struct sova_engine *e, int def, int call, const struct sova_entry *entry)
{
	const struct sova_api_fn *wait = sova_engine_api(e, def, call, SOVA_API_SUBMIT);
	if (!wait || !wait->grows_for_nested || entry->def < 0)
		return 0;
	const struct sova_api_fn *from = sova_engine_api(e, entry->def, entry->call, SOVA_API_SUBMIT);
	return from && from->implicit_executor && strcmp(from->implicit_executor, wait->implicit_executor) == 0;
}

int sova_engine_unresolved(const struct sova_engine *e, int def, int call)
{
	return e->unresolved && e->unresolved[def] && e->unresolved[def][call];
}

struct sova_bound sova_conds_bind(const struct sova_cond *conds, size_t n, int param, const char *path)
{
	struct sova_bound b = { SOVA_BOUND_UNKNOWN, 0 };
	for (size_t i = 0; i < n; i++) {
		const struct sova_cond *cond = &conds[i];
		int same = cond->path == path || (cond->path && path && strcmp(cond->path, path) == 0);
		if (cond->param != param || !same || cond->mask || cond->rel)
			continue;
		if (cond->equal)
			return (struct sova_bound){ SOVA_BOUND_INT, cond->value };
		if (cond->value == 0)
			b = (struct sova_bound){ SOVA_BOUND_NONNULL, 0 };
	}
	return b;
}

int sova_engine_traversable(const struct sova_engine *e, int sym)
{
	const struct sova_sym *s = &e->prog->syms[sym];
	if (!s->nannotations) /* most functions: no annotation to look up */
		return s->ndefs && !e->leaf[sym];
	return s->ndefs && !e->leaf[sym] && !sova_sym_annotated(s, SOVA_ANN_NONBLOCKING) &&
	       !sova_sym_annotated(s, SOVA_ANN_BLOCKING) &&
	       !sova_engine_annotation(e, sym, SOVA_ANN_MEANS_NONBLOCKING) &&
	       !sova_engine_annotation(e, sym, SOVA_ANN_MEANS_WAIT) &&
	       !sova_engine_annotation(e, sym, SOVA_ANN_MEANS_BLOCKING);
}

/* ---- set-up ---- */

static void decide_models(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	size_t nmodels = e->models->nmodels;
	e->active = sova_xcalloc(prog->ntus * nmodels + 1, 1);
	for (size_t t = 0; t < prog->ntus; t++) {
		struct sova_include_index includes;
		sova_include_index_init(&includes, prog->tus[t].includes, prog->tus[t].nincludes);
		for (size_t m = 0; m < nmodels; m++)
			e->active[t * nmodels + m] = (unsigned char)sova_model_active(&e->models->models[m], &includes);
		sova_include_index_free(&includes);
	}
	/* A modelled function is a leaf even when the program has its body (a
	 * project that ships its own futures library): sova trusts the model. */
	e->leaf = sova_xcalloc(prog->nsyms + 1, 1);
	e->model_entries = sova_xcalloc(prog->nsyms + 1, sizeof(*e->model_entries));
	for (size_t s = 0; s < prog->nsyms; s++) {
		e->model_entries[s] = sova_models_lookup(e->models, prog->syms[s].name);
		for (const struct sova_api_fn *fn = e->model_entries[s]; fn; fn = fn->next >= 0 ? &e->models->fns[fn->next] : NULL)
			for (size_t t = 0; t < prog->ntus && !e->leaf[s]; t++)
				e->leaf[s] = e->active[t * nmodels + (size_t)fn->model];
	}
}

/* The globals that model entries name as their implicit executor, as
 * values an entry or a wait can point at. */
static void make_implicit_executors(struct sova_engine *e)
{
	e->implicit_vals = sova_xcalloc(e->models->nfns + 1, sizeof(*e->implicit_vals));
	for (size_t i = 0; i < e->models->nfns; i++) {
		const struct sova_api_fn *fn = &e->models->fns[i];
		if (fn->implicit_executor)
			e->implicit_vals[i] = (struct sova_val){ .kind = SOVA_VAL_GLOBAL, .usr = fn->implicit_usr,
								 .name = fn->implicit_executor };
	}
}

/* Every call's model entries, per role, looked up once. */
static void resolve_apis(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	e->apis = sova_xcalloc(prog->ndefs + 1, sizeof(*e->apis));
	for (size_t d = 0; d < prog->ndefs; d++) {
		size_t ncalls = prog->defs[d].fn->ncalls;
		e->apis[d] = sova_xcalloc(ncalls * NROLES + 1, sizeof(**e->apis));
		for (size_t c = 0; c < ncalls; c++)
			for (int r = 0; r < NROLES; r++)
				e->apis[d][c * NROLES + (size_t)r] = find_api(e, (int)d, (int)c, (enum sova_api_role)r);
	}
	/* A function a pattern matched is a leaf, as a named one is: when glib
	 * itself is analysed, g_file_query_info's body is GIO's, not the program's. */
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			const struct sova_api_fn *api = e->apis[d][c * NROLES + SOVA_API_BLOCKING];
			for (const int *t = prog->defs[d].targets[c]; api && api->pattern && *t >= 0; t++)
				e->leaf[*t] = 1;
		}
}

static void mark_address(struct sova_engine *e, const struct sova_val *v, int into_field)
{
	if (v->kind != SOVA_VAL_FUNC || v->element || !v->usr)
		return;
	int sym = sova_strmap_get(&e->prog->sym_by_usr, v->usr);
	if (sym < 0)
		return;
	e->address_taken[sym] = 1;
	if (into_field)
		e->field_method[sym] = 1;
}

/* The functions whose address the program takes (stored, or passed to a
 * call: they may have callers sova cannot list), and those stored into a
 * struct's field: vtable and interface methods (sova_engine_callable_outside). */
static void mark_addresses(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	e->field_method = sova_xcalloc(prog->nsyms + 1, 1);
	e->address_taken = sova_xcalloc(prog->nsyms + 1, 1);
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_assign *a = prog->assigns[i].assign;
		mark_address(e, &a->value, a->target.kind == SOVA_VAL_FIELD);
	}
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++)
			for (size_t i = 0; i < prog->defs[d].fn->calls[c].nargs; i++)
				mark_address(e, &prog->defs[d].fn->calls[c].args[i], 0);
}

/* The calls that make an object non-blocking or watch it: few, and asked
 * about for every socket call (readiness.c). */
static void collect_readiness_calls(struct sova_engine *e)
{
	for (size_t d = 0; d < e->prog->ndefs; d++)
		for (size_t c = 0; c < e->prog->defs[d].fn->ncalls; c++)
			if (sova_engine_api(e, (int)d, (int)c, SOVA_API_READINESS)) {
				struct sova_caller rc = { (int)d, (int)c };
				SOVA_PUSH(e->readiness_calls, e->nreadiness_calls, e->capreadiness_calls, rc);
			}
}

static void add_caller(struct sova_engine *e, int callee_def, int def, int call)
{
	struct sova_caller c = { def, call };
	SOVA_PUSH(e->callers[callee_def], e->ncallers[callee_def], e->capcallers[callee_def], c);
}

static void build_callers(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	e->callers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->callers));
	e->ncallers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->ncallers));
	e->capcallers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->capcallers));
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

/* The order the index is built in: which models apply, then their
 * implicit executors; the functions whose address is taken and every
 * function's callers from the link (callers.c), which need only the
 * program; then every call's entries (which
 * need all of these: a condition on a static helper's parameter asks its
 * callers), then the callers (which skip modelled functions, so need the
 * leaves), and the readiness calls, which need the entries. */
void sova_engine_init(struct sova_engine *e, const struct sova_program *prog, const struct sova_models *models,
		      const struct sova_analyze_options *options)
{
	memset(e, 0, sizeof(*e));
	e->prog = prog;
	e->models = models;
	e->show_unresolved = options && options->show_unresolved;
	e->entry_flows = options && options->entry_flows > 1 ? options->entry_flows : 1;
	e->record_pruned = options && options->explain_file;
	e->context_tests = sova_models_has_role(models, SOVA_API_CONTEXT_TEST);
	decide_models(e);
	make_implicit_executors(e);
	sova_field_stores_build(&e->field_stores, prog);
	mark_addresses(e);
	sova_link_callers_build(e);
	resolve_apis(e);
	e->kind_memo = sova_xmalloc(sizeof(*e->kind_memo));
	sova_strmap_init(e->kind_memo);
	build_callers(e);
	collect_readiness_calls(e);
}

void sova_engine_release(struct sova_engine *e)
{
	for (size_t d = 0; d < e->prog->ndefs; d++) {
		free(e->callers[d]);
		free(e->apis[d]);
	}
	free(e->callers);
	free(e->ncallers);
	free(e->capcallers);
	sova_link_callers_free(e);
	free(e->active);
	free(e->leaf);
	free(e->field_method);
	free(e->address_taken);
	free(e->readiness_calls);
	free(e->model_entries);
	free(e->apis);
	sova_strmap_free(e->kind_memo);
	free(e->kind_memo);
	free(e->implicit_vals);
	sova_field_stores_free(&e->field_stores);
}
