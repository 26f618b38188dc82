/* callers.c - stage 5: every call of a function, when the program shows them all.
 *
 * Some questions are answered by a function's callers: a static helper's
 * parameter is a memory stream when every caller passes one (makers.c), a
 * ready socket when every caller's is (readiness.c), stdout when every
 * caller's is (engine.c's unless_global). That holds only when no call
 * of the function is hidden: only the database's code can call it, and
 * either its address is never taken, or the address stays where only the
 * program's own calls read it. Only the database's code calls a static
 * function, and an external one of an executable's own code (units.h:
 * a source no library target compiles, or, inferred, a file that defines
 * main): no library outside links against an executable (gvfs's AFP
 * backend builds every command through exported g_vfs_afp_command_put_*
 * helpers, compiled into its two programs only). A program that exports
 * its symbols for dlsym (-rdynamic, GtkBuilder's handlers by name) may
 * call one unseen; sova takes the build's word. The second is the
 * reply-handler table of C protocol code:
 *
 *	expect_reply(conn, id, query_info_reply, job);      (a static helper)
 *	static void expect_reply(..., ReplyCallback cb, ...) { r->callback = cb; ... }
 *	...
 *	r->callback(backend, type, reply, len, r->job);     (the one call)
 *
 * A function's address stays inside when each place takes it is a store
 * into a struct field, or an argument to a static helper that only stores
 * that parameter into struct fields or hands it to another such helper
 * (up to MAX_FORWARDS deep); and each such field is only ever read to be
 * called, never passed, copied or returned, and its address goes nowhere
 * (gvfs's ExpectedReply.callback). Some call through each field must be
 * in the program, and every one must list the function among its targets
 * (a call the link could not resolve would be a caller not listed); the
 * callers are then the calls whose targets hold it. A store at file scope
 * (a static table), an address given to any other call or returned, a
 * field the program never calls through (a library's vtable it fills in),
 * or anything else lets the function escape: its callers are not all
 * known.
 *
 * What this cannot see: a library that also calls through a field of its
 * own struct that the program calls through too, resolved by field (a
 * GObject chain-up is not: the class comes from a lookup the gobject model
 * names, so its call lists no target and the method escapes). The index
 * needs only the program, so it is built before the engine's entries. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Fields a function's address reaches, while it stays inside. */
struct reached_fields {
	const char **items;
	size_t n, cap;
};

static int names_param(const struct sova_val *v, int param)
{
	return v->kind == SOVA_VAL_PARAM && v->num == param && !v->element;
}

static int is_plain_field(const struct sova_val *v)
{
	return v->kind == SOVA_VAL_FIELD && v->usr && !v->element && !v->address;
}

/* The program def a direct call binds to, when it binds to exactly one. */
static int direct_def(const struct sova_program *prog, int def, int call)
{
	const int *t = prog->defs[def].targets[call];
	if (!prog->defs[def].fn->calls[call].callee_usr || t[0] < 0 || t[1] >= 0 || prog->syms[t[0]].ndefs != 1)
		return -1;
	return prog->syms[t[0]].defs[0];
}

/* Forwarding helpers followed, at most (queue_command(..., cb) -> expect_reply(..., cb)). */
#define MAX_FORWARDS 4

static int param_only_stored(const struct sova_program *prog, int def, int param, struct reached_fields *out,
			     int depth);

/* The call in def hands its argument `index` to a static helper that only
 * stores that parameter (kept in out), or hands it on. */
static int stored_by_callee(const struct sova_program *prog, int def, int call, int index, struct reached_fields *out,
			    int depth)
{
	int helper = direct_def(prog, def, call);
	return helper >= 0 && param_only_stored(prog, helper, index, out, depth);
}

/* The static helper def only stores its parameter into fields (kept in
 * out), or hands it to another such helper; 0 when it does anything else
 * with it. */
static int param_only_stored(const struct sova_program *prog, int def, int param, struct reached_fields *out,
			     int depth)
{
	if (depth > MAX_FORWARDS)
		return 0;
	const struct sova_func *fn = prog->defs[def].fn;
	if (fn->external)
		return 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (names_param(&a->target, param) && !a->target.path)
			return 0; /* reassigned: what it holds is no longer the argument */
		if (!names_param(&a->value, param))
			continue;
		if (a->value.address || a->value.path || !is_plain_field(&a->target))
			return 0;
		SOVA_PUSH(out->items, out->n, out->cap, a->target.usr);
	}
	for (size_t c = 0; c < fn->ncalls; c++) {
		if (fn->calls[c].callee.kind == SOVA_VAL_PARAM && fn->calls[c].callee.num == param)
			return 0; /* called here: whether the link lists it is not checked */
		for (size_t i = 0; i < fn->calls[c].nargs; i++) {
			const struct sova_val *arg = &fn->calls[c].args[i];
			if (arg->kind != SOVA_VAL_PARAM || arg->num != param)
				continue;
			if (!names_param(arg, param) || arg->address || arg->path ||
			    !stored_by_callee(prog, def, (int)c, (int)i, out, depth + 1))
				return 0;
		}
	}
	for (size_t r = 0; r < fn->nreturns; r++)
		if (fn->returns[r].kind == SOVA_VAL_PARAM && fn->returns[r].num == param)
			return 0;
	return 1;
}

/* What the program does with each function's address: the fields it
 * reaches, and whether it escapes anywhere else. */
struct addresses {
	struct reached_fields *fields; /* per sym */
	unsigned char *escapes;        /* per sym */
};

static int func_sym(const struct sova_program *prog, const struct sova_val *v)
{
	return v->kind == SOVA_VAL_FUNC && v->usr ? sova_strmap_get(&prog->sym_by_usr, v->usr) : -1;
}

static void note_stores(const struct sova_program *prog, struct addresses *a)
{
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		int sym = func_sym(prog, &pa->assign->value);
		if (sym < 0)
			continue;
		if (pa->def < 0 || pa->assign->value.element || !is_plain_field(&pa->assign->target))
			a->escapes[sym] = 1;
		else
			SOVA_PUSH(a->fields[sym].items, a->fields[sym].n, a->fields[sym].cap, pa->assign->target.usr);
	}
	for (size_t d = 0; d < prog->ndefs; d++) {
		const struct sova_func *fn = prog->defs[d].fn;
		for (size_t r = 0; r < fn->nreturns; r++) { /* returned: it may go anywhere */
			int sym = func_sym(prog, &fn->returns[r]);
			if (sym >= 0)
				a->escapes[sym] = 1;
		}
		for (size_t c = 0; c < fn->ncalls; c++)
			for (size_t i = 0; i < fn->calls[c].nargs; i++) {
				int sym = func_sym(prog, &fn->calls[c].args[i]);
				if (sym < 0 || a->escapes[sym])
					continue;
				if (fn->calls[c].args[i].element ||
				    !stored_by_callee(prog, (int)d, (int)c, (int)i, &a->fields[sym], 0))
					a->escapes[sym] = 1;
			}
	}
}

/* Fields that are read for anything but a call through them: passed to a
 * call, copied, returned. A function stored into one may be called where
 * sova cannot see. */
static void note_leaky_fields(const struct sova_program *prog, struct sova_strmap *leaky)
{
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_val *v = &prog->assigns[i].assign->value;
		if (v->kind == SOVA_VAL_FIELD && v->usr)
			sova_strmap_put(leaky, v->usr, 1);
	}
	for (size_t d = 0; d < prog->ndefs; d++) {
		const struct sova_func *fn = prog->defs[d].fn;
		for (size_t c = 0; c < fn->ncalls; c++)
			for (size_t i = 0; i < fn->calls[c].nargs; i++)
				if (fn->calls[c].args[i].kind == SOVA_VAL_FIELD && fn->calls[c].args[i].usr)
					sova_strmap_put(leaky, fn->calls[c].args[i].usr, 1);
		for (size_t r = 0; r < fn->nreturns; r++)
			if (fn->returns[r].kind == SOVA_VAL_FIELD && fn->returns[r].usr)
				sova_strmap_put(leaky, fn->returns[r].usr, 1);
	}
}

/* A stored function escapes when its field leaks or has its address taken. */
static void note_leaks(const struct sova_engine *e, struct addresses *a)
{
	struct sova_strmap leaky;
	sova_strmap_init(&leaky);
	note_leaky_fields(e->prog, &leaky);
	for (size_t s = 0; s < e->prog->nsyms; s++)
		for (size_t k = 0; k < a->fields[s].n && !a->escapes[s]; k++)
			if (sova_strmap_get(&leaky, a->fields[s].items[k]) >= 0 ||
			    sova_strmap_get(&e->field_stores.escaped, a->fields[s].items[k]) >= 0)
				a->escapes[s] = 1;
	sova_strmap_free(&leaky);
}

static int lists(const int *targets, int sym)
{
	for (; *targets >= 0 && *targets <= sym; targets++) /* sorted ascending */
		if (*targets == sym)
			return 1;
	return 0;
}

/* A call through a field that does not list a function stored there (the
 * link could not resolve it) may call it unseen: it escapes. So does one
 * stored into a field the program never calls through: the field is some
 * library's to call (GSourceFuncs.dispatch, filled in and handed over). */
static void note_unlisted(const struct sova_program *prog, struct addresses *a)
{
	/* Each (field, function stored there) pair once, chained per field. */
	struct pair {
		const char *field;
		int sym;
	} *pairs = NULL;
	size_t npairs = 0, cappairs = 0;
	for (size_t s = 0; s < prog->nsyms; s++)
		for (size_t k = 0; k < a->fields[s].n && !a->escapes[s]; k++) {
			struct pair p = { a->fields[s].items[k], (int)s };
			SOVA_PUSH(pairs, npairs, cappairs, p);
		}
	struct sova_strmap held; /* field USR -> its last pair */
	sova_strmap_init(&held);
	int *chain = sova_xmalloc((npairs + 1) * sizeof(int));
	for (size_t i = 0; i < npairs; i++) {
		chain[i] = sova_strmap_get(&held, pairs[i].field);
		sova_strmap_put(&held, pairs[i].field, (int)i);
	}
	unsigned char *called = sova_xcalloc(npairs + 1, 1); /* per pair: some call goes through its field */
	for (size_t d = 0; d < prog->ndefs; d++) {
		const struct sova_func *fn = prog->defs[d].fn;
		for (size_t c = 0; c < fn->ncalls; c++) {
			const struct sova_val *callee = &fn->calls[c].callee;
			if (fn->calls[c].callee_usr || callee->kind != SOVA_VAL_FIELD || !callee->usr)
				continue;
			for (int i = sova_strmap_get(&held, callee->usr); i >= 0; i = chain[i]) {
				if (!lists(prog->defs[d].targets[c], pairs[i].sym))
					a->escapes[pairs[i].sym] = 1;
				called[i] = 1;
			}
		}
	}
	for (size_t i = 0; i < npairs; i++)
		if (!called[i])
			a->escapes[pairs[i].sym] = 1;
	free(called);
	free(chain);
	free(pairs);
	sova_strmap_free(&held);
}

void sova_link_callers_build(struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	e->link_callers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->link_callers));
	e->nlink_callers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->nlink_callers));
	e->caplink_callers = sova_xcalloc(prog->ndefs + 1, sizeof(*e->caplink_callers));
	e->calls_seen = sova_xcalloc(prog->nsyms + 1, 1);
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++)
			for (const int *t = prog->defs[d].targets[c]; *t >= 0; t++)
				for (size_t k = 0; k < prog->syms[*t].ndefs; k++) {
					int callee = prog->syms[*t].defs[k];
					struct sova_caller caller = { (int)d, (int)c };
					SOVA_PUSH(e->link_callers[callee], e->nlink_callers[callee],
						  e->caplink_callers[callee], caller);
				}
	struct addresses a = { 0 };
	a.fields = sova_xcalloc(prog->nsyms + 1, sizeof(*a.fields));
	a.escapes = sova_xcalloc(prog->nsyms + 1, 1);
	note_stores(prog, &a);
	note_leaks(e, &a);
	note_unlisted(prog, &a);
	for (size_t s = 0; s < prog->nsyms; s++) {
		e->calls_seen[s] = !e->address_taken[s] || !a.escapes[s];
		free(a.fields[s].items);
	}
	free(a.fields);
	free(a.escapes);
}

void sova_link_callers_free(struct sova_engine *e)
{
	for (size_t d = 0; e->link_callers && d < e->prog->ndefs; d++)
		free(e->link_callers[d]);
	free(e->link_callers);
	free(e->nlink_callers);
	free(e->caplink_callers);
	free(e->calls_seen);
}

/* Only the database's code calls the function: it is static, or an
 * executable's own (units.h), which no library outside links against. */
static int callable_only_here(const struct sova_program *prog, int def)
{
	const struct sova_def *d = &prog->defs[def];
	return !d->fn->external || (prog->units.exe_own && d->tu >= 0 && prog->units.exe_own[d->tu]);
}

const struct sova_caller *sova_engine_known_callers(const struct sova_engine *e, int def, size_t *n)
{
	*n = 0;
	if (!e->link_callers || !callable_only_here(e->prog, def) || !e->nlink_callers[def] ||
	    !e->calls_seen[e->prog->defs[def].sym])
		return NULL;
	*n = e->nlink_callers[def];
	return e->link_callers[def];
}
