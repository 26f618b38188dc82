/* makers.c - stage 5: what made a value, for models' made_by and unless_made_by.
 *
 * A model says a call blocks, or does not, by what made its argument: a
 * read() of a descriptor from open() blocks on disk; a write into a
 * GMemoryOutputStream never waits. A value is made by the named functions
 * when every way it can get its value is one of their results:
 *
 *   - a call: to a named function, or to a function whose every return
 *     is so made (a helper that returns a new memory stream);
 *   - a local: every value assigned to it (NULL aside), while its address
 *     is never passed to a call;
 *   - a field: every value the program ever stores into that field, in any
 *     object (NULL aside), while the field's address does not escape: it
 *     is given to no call (g_set_object(&self->stream, s) may store
 *     anything) and kept only in locals that store NULL through it
 *     (g_clear_object). Objects filled another way (a struct copied
 *     whole, memcpy) are not seen;
 *   - an argument that the tests around the call compared with other
 *     values (`if (source == st->out || source == st->err)`): each of
 *     those (sova_call's arg_equals);
 *   - a model's cast (G_OUTPUT_STREAM(s) is s) or wrapper (a
 *     GDataInputStream over a memory stream reads only memory; with
 *     base_property, the argument after the string naming the property,
 *     g_object_new(type, "base-stream", mem, NULL)): what made the
 *     argument the cast returns or the wrapper does its I/O through;
 *   - a parameter the function never assigns, of a function whose every
 *     call is known (callers.c: static or an executable's own, its address
 *     never taken or kept only in fields the program calls through): what every caller passes
 *     (gvfs's sftp helpers, given command streams that new_command_stream
 *     builds over memory, and its reply handlers, called from a table).
 *
 * Anything else (a global, an element) is not known to be made by
 * anything. Each question visits at most MAKER_BUDGET values. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAKER_BUDGET 1024
/* Functions whose returns a question remembers it found made or not: a
 * helper that builds the stream is asked about once per caller of the
 * helper that takes it (gvfs's new_command_stream, 40 callers of put_string). */
#define MAKER_MEMO 16

struct maker_query {
	const struct sova_engine *e;
	char *const *names;
	size_t nnames;
	int budget;
	int memo_sym[MAKER_MEMO];
	int memo_made[MAKER_MEMO];
	size_t nmemo;
};

static int made(struct maker_query *q, int def, const struct sova_val *v);

static int listed(const struct maker_query *q, const char *name)
{
	for (size_t i = 0; name && i < q->nnames; i++)
		if (strcmp(name, q->names[i]) == 0)
			return 1;
	return 0;
}

static int is_null(const struct sova_val *v)
{
	return v->kind == SOVA_VAL_INT && v->num == 0 && !v->element && !v->address;
}

static int arg_made(struct maker_query *q, int def, const struct sova_call *call, long arg);

/* The argument after the string argument that names the property:
 * g_object_new(type, "base-stream", base, NULL) gives base. */
static long after_property(const struct sova_call *call, const char *property)
{
	for (size_t i = 0; i + 1 < call->nargs; i++)
		if (call->args[i].kind == SOVA_VAL_STRING && strcmp(call->args[i].usr, property) == 0)
			return (long)i + 1;
	return -1;
}

/* The argument whose maker makes the call's result, when a model whose
 * model applies in def's TU names the callee as a cast (it returns that
 * argument as it is) or a wrapper (its result does its I/O through it);
 * -1 otherwise. The engine's per-call index is not used: it is being
 * built when models ask what made a value. */
static long passed_through(const struct sova_engine *e, int def, const struct sova_call *call, int sym)
{
	const struct sova_models *m = e->models;
	size_t tu = (size_t)e->prog->defs[def].tu;
	for (const struct sova_api_fn *fn = e->model_entries[sym]; fn; fn = fn->next >= 0 ? &m->fns[fn->next] : NULL) {
		if (!e->active[tu * m->nmodels + (size_t)fn->model])
			continue;
		if (fn->role == SOVA_API_CAST)
			return fn->returns_arg;
		if (fn->role == SOVA_API_WRAPPER)
			return fn->base_property ? after_property(call, fn->base_property) : fn->base_arg;
	}
	return -1;
}

/* Every return of every body of sym is made (NULL aside). */
static int returns_made(struct maker_query *q, int sym)
{
	const struct sova_program *prog = q->e->prog;
	for (size_t k = 0; k < prog->syms[sym].ndefs; k++) {
		int callee = prog->syms[sym].defs[k];
		const struct sova_func *body = prog->defs[callee].fn;
		if (!body->nreturns)
			return 0;
		for (size_t r = 0; r < body->nreturns; r++)
			if (!is_null(&body->returns[r]) && !made(q, callee, &body->returns[r]))
				return 0;
	}
	return 1;
}

/* The result of call `call` of def. */
static int call_made(struct maker_query *q, int def, long call)
{
	const struct sova_program *prog = q->e->prog;
	const struct sova_func *fn = prog->defs[def].fn;
	if (call < 0 || (size_t)call >= fn->ncalls || !fn->calls[call].callee_usr)
		return 0;
	if (listed(q, fn->calls[call].callee_name))
		return 1;
	int sym = sova_strmap_get(&prog->sym_by_usr, fn->calls[call].callee_usr);
	if (sym < 0)
		return 0;
	long through = passed_through(q->e, def, &fn->calls[call], sym);
	if (through >= 0) /* G_OUTPUT_STREAM(source): what made source */
		return arg_made(q, def, &fn->calls[call], through);
	if (!prog->syms[sym].ndefs)
		return 0;
	for (size_t i = 0; i < q->nmemo; i++)
		if (q->memo_sym[i] == sym)
			return q->memo_made[i];
	int all = returns_made(q, sym);
	if (q->nmemo < MAKER_MEMO && q->budget >= 0) { /* a result cut short by the budget is not kept */
		q->memo_sym[q->nmemo] = sym;
		q->memo_made[q->nmemo++] = all;
	}
	return all;
}

static int local_made(struct maker_query *q, int def, const struct sova_val *v)
{
	const struct sova_func *fn = q->e->prog->defs[def].fn;
	if (v->path || v->address || sova_func_passes_address(fn, v))
		return 0;
	int some = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || a->target.path ||
		    strcmp(a->target.usr, v->usr) != 0 || is_null(&a->value))
			continue;
		if (!made(q, def, &a->value))
			return 0;
		some = 1;
	}
	return some;
}

static int field_made(struct maker_query *q, const char *field)
{
	const struct sova_field_stores *fs = &q->e->field_stores;
	if (sova_strmap_get(&fs->escaped, field) >= 0)
		return 0;
	int some = 0;
	for (int i = sova_strmap_get(&fs->first, field); i >= 0; i = fs->next[i]) {
		const struct sova_prog_assign *pa = &q->e->prog->assigns[i];
		if (is_null(&pa->assign->value))
			continue;
		if (pa->def < 0 || !made(q, pa->def, &pa->assign->value))
			return 0;
		some = 1;
	}
	return some;
}

/* The function assigns the parameter, or passes its address to a call. */
static int param_written(const struct sova_func *fn, const struct sova_val *param)
{
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_val *t = &fn->assigns[i].target, *v = &fn->assigns[i].value;
		if (t->kind == SOVA_VAL_PARAM && t->num == param->num && !t->element && !t->path)
			return 1;
		if (v->kind == SOVA_VAL_PARAM && v->num == param->num && v->address && !v->path)
			return 1; /* pp = &param: written through pp, perhaps */
	}
	return sova_func_passes_address(fn, param);
}

/* A parameter of a function whose every call is known, which it never
 * writes: what every caller passes there. */
static int param_made(struct maker_query *q, int def, const struct sova_val *v)
{
	const struct sova_engine *e = q->e;
	size_t ncallers;
	const struct sova_caller *callers = sova_engine_known_callers(e, def, &ncallers);
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (v->path || v->address || v->num < 0 || strcmp(v->usr, fn->usr) != 0 || !callers ||
	    param_written(fn, v))
		return 0;
	for (size_t i = 0; i < ncallers; i++) {
		const struct sova_call *call = &e->prog->defs[callers[i].def].fn->calls[callers[i].call];
		if (!arg_made(q, callers[i].def, call, v->num))
			return 0;
	}
	return 1;
}

static int made(struct maker_query *q, int def, const struct sova_val *v)
{
	if (--q->budget < 0 || v->element)
		return 0;
	switch (v->kind) {
	case SOVA_VAL_CALL:
		return call_made(q, def, v->num);
	case SOVA_VAL_LOCAL:
		return local_made(q, def, v);
	case SOVA_VAL_FIELD:
		return !v->address && field_made(q, v->usr);
	case SOVA_VAL_PARAM:
		return param_made(q, def, v);
	default:
		return 0;
	}
}

/* Every value one test around the call found the argument equal to. */
static int test_made(struct maker_query *q, int def, const struct sova_call *call, long arg, int test)
{
	for (size_t i = 0; i < call->narg_equals; i++)
		if (call->arg_equals[i].arg == arg && call->arg_equals[i].test == test &&
		    !made(q, def, &call->arg_equals[i].value))
			return 0;
	return 1;
}

/* The argument is one of each test's values: one test whose values are
 * all so made is enough. */
static int equals_made(struct maker_query *q, int def, const struct sova_call *call, long arg)
{
	for (size_t i = 0; i < call->narg_equals; i++) {
		const struct sova_arg_equal *eq = &call->arg_equals[i];
		int first = 1; /* each test once: at its first value for this argument */
		for (size_t k = 0; k < i && first; k++)
			first = !(call->arg_equals[k].arg == arg && call->arg_equals[k].test == eq->test);
		if (eq->arg == arg && first && test_made(q, def, call, arg, eq->test))
			return 1;
	}
	return 0;
}

static int arg_made(struct maker_query *q, int def, const struct sova_call *call, long arg)
{
	if (arg < 0 || (size_t)arg >= call->nargs)
		return 0;
	return made(q, def, &call->args[arg]) || equals_made(q, def, call, arg);
}

int sova_arg_made_by(const struct sova_engine *e, int def, const struct sova_call *call, long arg,
		     char *const *names, size_t nnames)
{
	struct maker_query q = { e, names, nnames, MAKER_BUDGET, { 0 }, { 0 }, 0 };
	return arg_made(&q, def, call, arg);
}

static int is_store_into_field(const struct sova_val *t)
{
	/* *(&x->f) = v, as g_set_object's macro writes it, stores into f too. */
	return t->kind == SOVA_VAL_FIELD && t->usr && (!t->element || t->address);
}

static int names_local(const struct sova_val *v, const char *usr)
{
	return v->kind == SOVA_VAL_LOCAL && !v->path && v->usr && strcmp(v->usr, usr) == 0;
}

/* A local that holds a field's address (g_clear_object's `_pp = &x->f`)
 * lets the field escape unless the function only reads through it and
 * stores NULL through it, and gives it to no call and no other variable. */
static int local_holds_only_null(const struct sova_func *fn, const char *local)
{
	for (size_t c = 0; c < fn->ncalls; c++)
		for (size_t i = 0; i < fn->calls[c].nargs; i++)
			if (names_local(&fn->calls[c].args[i], local) && !fn->calls[c].args[i].element)
				return 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (names_local(&a->value, local) && !a->value.element)
			return 0;
		if (names_local(&a->target, local) && a->target.element && !is_null(&a->value))
			return 0;
	}
	return 1;
}

/* A field's address taken where sova does not see what is stored through
 * it: given to a call (g_set_object), or kept in anything but such a local. */
static void note_escapes(struct sova_field_stores *fs, const struct sova_program *prog)
{
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		const struct sova_val *v = &pa->assign->value;
		if (v->kind != SOVA_VAL_FIELD || !v->address || !v->usr)
			continue;
		const struct sova_val *t = &pa->assign->target;
		if (pa->def < 0 || t->kind != SOVA_VAL_LOCAL || t->path || t->element ||
		    !local_holds_only_null(prog->defs[pa->def].fn, t->usr))
			sova_strmap_put(&fs->escaped, v->usr, 1);
	}
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++)
			for (size_t i = 0; i < prog->defs[d].fn->calls[c].nargs; i++) {
				const struct sova_val *arg = &prog->defs[d].fn->calls[c].args[i];
				if (arg->kind == SOVA_VAL_FIELD && arg->address && arg->usr)
					sova_strmap_put(&fs->escaped, arg->usr, 1);
			}
}

void sova_field_stores_build(struct sova_field_stores *fs, const struct sova_program *prog)
{
	sova_strmap_init(&fs->first);
	sova_strmap_init(&fs->escaped);
	fs->next = sova_xcalloc(prog->nassigns + 1, sizeof(*fs->next));
	/* Prepended: each field's stores run from the last to the first. */
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_val *t = &prog->assigns[i].assign->target;
		fs->next[i] = -1;
		if (!is_store_into_field(t))
			continue;
		fs->next[i] = sova_strmap_get(&fs->first, t->usr);
		sova_strmap_put(&fs->first, t->usr, (int)i);
	}
	note_escapes(fs, prog);
}

void sova_field_stores_free(struct sova_field_stores *fs)
{
	sova_strmap_free(&fs->first);
	sova_strmap_free(&fs->escaped);
	free(fs->next);
}
