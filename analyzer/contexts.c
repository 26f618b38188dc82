/* contexts.c - stage 5: blocking sites, their facts and their chains.
 *
 * Drives the stage: decides which models apply in which TU, builds the
 * callers of every function, has workers.c find the async contexts, then
 * visits every call that blocks and asks provenance.c and selfwait.c what
 * the rules need to know about it. */
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

/* ---- the engine's view of calls ---- */

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

/* The function whose result a value is, following a local's one assignment. */
static const char *made_by(const struct sova_engine *e, int def, const struct sova_val *v)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (int hops = 0; hops < 8 && v->kind == SOVA_VAL_LOCAL && !v->element; hops++) {
		const struct sova_val *only = NULL;
		for (size_t i = 0; i < fn->nassigns; i++) {
			const struct sova_assign *a = &fn->assigns[i];
			if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || strcmp(a->target.usr, v->usr) != 0)
				continue;
			if (only)
				return NULL;
			only = &a->value;
		}
		if (!only)
			return NULL;
		v = only;
	}
	if (v->kind != SOVA_VAL_CALL || v->num < 0 || (size_t)v->num >= fn->ncalls)
		return NULL;
	return fn->calls[v->num].callee_usr ? fn->calls[v->num].callee_name : NULL;
}

static int made_by_one_of(const struct sova_engine *e, int def, const struct sova_val *v, const struct sova_when *when)
{
	const char *maker = made_by(e, def, v);
	for (size_t i = 0; maker && i < when->nmade_by; i++)
		if (strcmp(maker, when->made_by[i]) == 0)
			return 1;
	return 0;
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
		return made_by_one_of(e, def, v, when);
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

/* A direct call's targets are its callee; a call through a pointer takes
 * the first modelled function the pointer may hold. */
static const struct sova_api_fn *find_api(const struct sova_engine *e, int def, int call, enum sova_api_role role)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (const int *t = e->prog->defs[def].targets[call]; *t >= 0; t++) {
		const struct sova_api_fn *api = api_in_role(e, def, e->model_entries[*t], role, c);
		if (api || c->callee_usr)
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
		if (sova_engine_api(e, def, c->guards[i], SOVA_API_EXHAUSTIBLE))
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

int sova_engine_unresolved(const struct sova_engine *e, int def, int call)
{
	return e->unresolved && e->unresolved[def] && e->unresolved[def][call];
}

int sova_engine_traversable(const struct sova_engine *e, int sym)
{
	const struct sova_sym *s = &e->prog->syms[sym];
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
	for (size_t t = 0; t < prog->ntus; t++)
		for (size_t m = 0; m < nmodels; m++)
			e->active[t * nmodels + m] = (unsigned char)sova_model_active(
				&e->models->models[m], prog->tus[t].includes, prog->tus[t].nincludes);
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

/* ---- chains ---- */

static const char *def_name(const struct sova_engine *e, int def)
{
	return e->prog->defs[def].fn->name;
}

static char *entry_message(const struct sova_entry *entry, const char *name)
{
	const char *ctx = sova_context_name(entry->context);
	if (entry->def >= 0)
		return sova_xasprintf("'%s' runs in a %s context: it is registered with '%s'", name, ctx, entry->how);
	return sova_xasprintf("'%s' runs in a %s context: it is annotated %s", name, ctx, entry->how);
}

void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted)
{
	int first = path->defs[0];
	const struct sova_func *entry_fn = e->prog->defs[first].fn;
	sova_chain_add(chain, sova_engine_loc(e, first, entry_fn->loc), 1, entry_message(entry, entry_fn->name));
	submitted->message = NULL;
	if (entry->def >= 0) {
		submitted->loc = entry->loc;
		submitted->message = sova_xasprintf("'%s' is registered with '%s' here", entry_fn->name, entry->how);
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

/* The call can block in the state's chain: its conditions can hold there,
 * and it is not a join of a thread whose last act ran the chain's entry. */
static int blocks_in_state(const struct sova_engine *e, const struct sova_reach *reach, int state, int def, int call)
{
	return sova_state_allows(e, reach, state, call) &&
	       !sova_join_finished(&e->joins, def, call, reach->states[state].entry);
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
					      def_name(e, path->defs[i]), c->callee_name);
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
		out->other_entries[out->nothers++] = def_name(e, path.defs[0]);
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
	out->entry = def_name(e, path.defs[0]);
	out->how = entry->how;
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
		b->generic = 1;
	} else if (modelled_not_blocking(e, def, call)) {
		return 0;
	} else {
		return annotated_blocking(e, def, call, b);
	}
	b->api = api;
	b->bounded = api->bounded;
	b->kind = b->is_wait ? SOVA_BLOCK_ASYNC : api->blocks_on;
	/* Through a pointer, name the function it holds. */
	b->callee = c->callee_usr ? c->callee_name : api->function;
	return 1;
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
	site.external = d->fn->external;
	site.is_main = strcmp(d->fn->name, "main") == 0;
	fill_context(e, &e->any, def, call, &site.async);
	fill_context(e, &e->single, def, call, &site.single);
	struct sova_origin origin = { .nhops = 0 };
	if (b->is_wait && b->api && b->api->role == SOVA_API_WAIT)
		sova_find_provenance(e, def, call, b->api, &site, &origin);
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
	for (size_t d = 0; d < e->prog->ndefs; d++)
		free(e->callers[d]);
	free(e->callers);
	free(e->ncallers);
	free(e->capcallers);
	free(e->entries);
	free(e->first_entry);
	free(e->next_entry);
	sova_reach_free(&e->any);
	sova_reach_free(&e->single);
	sova_relevant_free(e);
	sova_finished_joins_free(&e->joins);
	sova_unresolved_free(e->unresolved, e->prog->ndefs);
	free(e->active);
	free(e->leaf);
	free(e->model_entries);
	for (size_t d = 0; d < e->prog->ndefs; d++)
		free(e->apis[d]);
	free(e->apis);
	sova_strmap_free(&e->kind_memo);
	free(e->implicit_vals);
}

void sova_analyze(const struct sova_program *prog, const struct sova_models *models,
		  const struct sova_analyze_options *options, struct sova_analysis *out)
{
	struct sova_engine e;
	memset(&e, 0, sizeof(e));
	memset(out, 0, sizeof(*out));
	e.prog = prog;
	e.models = models;
	e.show_unresolved = options && options->show_unresolved;
	e.entry_flows = options && options->entry_flows > 1 ? options->entry_flows : 1;
	e.record_pruned = options && options->explain_file;
	decide_models(&e);
	make_implicit_executors(&e);
	resolve_apis(&e);
	sova_strmap_init(&e.kind_memo);
	build_callers(&e);
	e.unresolved = sova_find_unresolved(&e);
	sova_find_workers(&e);
	sova_find_finished_joins(&e, &e.joins);
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
	for (size_t i = 0; i < path->nothers; i++)
		sova_chain_free(&path->others[i]);
	free(path->others);
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
