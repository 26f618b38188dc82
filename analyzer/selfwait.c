/* selfwait.c - does a task wait on work queued behind it on its own executor?
 *
 * The executor the awaited work went to is followed up the call chain to the
 * worker entry (parameters become their arguments, the entry's context
 * parameter becomes the submit's context argument) and compared with the
 * executor the entry was submitted to: the same global, struct field,
 * parameter or local. Its kind comes from the constructor assigned to it. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_KIND_DEPTH 4

static const struct sova_val *arg_of(const struct sova_engine *e, int def, int call, long index)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (index < 0 || (size_t)index >= c->nargs)
		return NULL;
	return &c->args[index];
}

static int is_param_of(const struct sova_engine *e, int def, const struct sova_val *val)
{
	return val->kind == SOVA_VAL_PARAM && strcmp(val->usr, e->prog->defs[def].fn->usr) == 0;
}

/* Moves val from the scope of callee to that of the caller making `call`. */
static const struct sova_val *to_caller(const struct sova_engine *e, int callee, int caller, int call,
					const struct sova_val *val)
{
	val = sova_engine_resolve_local(e, callee, val);
	if (!is_param_of(e, callee, val))
		return val;
	const struct sova_val *arg = arg_of(e, caller, call, val->num);
	return arg ? sova_engine_resolve_local(e, caller, arg) : val;
}

/* The executor the awaited work was submitted to, in the waiting function's scope. */
static const struct sova_val *inner_executor(const struct sova_engine *e, const struct sova_origin *origin)
{
	const struct sova_hop *last = &origin->hops[origin->nhops - 1];
	const struct sova_api_fn *api = sova_engine_api(e, last->def, last->call);
	const struct sova_val *val = api ? arg_of(e, last->def, last->call, api->executor_arg) : NULL;
	for (size_t i = origin->nhops - 1; val && i > 0; i--)
		val = to_caller(e, origin->hops[i].def, origin->hops[i - 1].def, origin->hops[i - 1].call, val);
	return val;
}

static int identity(const struct sova_val *v)
{
	return v->kind == SOVA_VAL_GLOBAL || v->kind == SOVA_VAL_FIELD || v->kind == SOVA_VAL_PARAM ||
	       v->kind == SOVA_VAL_LOCAL;
}

static int same_executor(const struct sova_val *a, const struct sova_val *b)
{
	return identity(a) && sova_val_same(a, b);
}

/* ---- executor kinds ---- */

struct kinds {
	int serial, pool;
};

static void kind_of(const struct sova_engine *e, int def, const struct sova_val *val, int depth, struct kinds *k);

static void kind_of_call(const struct sova_engine *e, int def, long call, struct kinds *k)
{
	const struct sova_api_fn *api = sova_engine_api(e, def, (int)call);
	if (!api || api->role != SOVA_API_EXECUTOR)
		return;
	k->serial |= api->kind == SOVA_EXEC_SERIAL;
	k->pool |= api->kind == SOVA_EXEC_POOL;
}

static void kind_of_storage(const struct sova_engine *e, const struct sova_val *val, int depth, struct kinds *k)
{
	const struct sova_program *prog = e->prog;
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		if (!sova_val_same(&pa->assign->target, val) || pa->def < 0)
			continue;
		kind_of(e, pa->def, &pa->assign->value, depth + 1, k);
	}
}

static void kind_of(const struct sova_engine *e, int def, const struct sova_val *val, int depth, struct kinds *k)
{
	if (depth > MAX_KIND_DEPTH)
		return;
	val = sova_engine_resolve_local(e, def, val);
	if (val->kind == SOVA_VAL_CALL) {
		kind_of_call(e, def, val->num, k);
	} else if (val->kind == SOVA_VAL_GLOBAL || val->kind == SOVA_VAL_FIELD || val->kind == SOVA_VAL_LOCAL) {
		kind_of_storage(e, val, depth, k);
	} else if (is_param_of(e, def, val)) {
		for (size_t i = 0; i < e->ncallers[def]; i++) {
			const struct sova_caller *c = &e->callers[def][i];
			const struct sova_val *arg = arg_of(e, c->def, c->call, val->num);
			if (arg)
				kind_of(e, c->def, arg, depth + 1, k);
		}
	}
}

/* Serial when every constructor found makes a serial executor. */
static enum sova_exec_kind executor_kind(const struct sova_engine *e, int def, const struct sova_val *val)
{
	struct kinds k = { 0, 0 };
	kind_of(e, def, val, 0, &k);
	if (k.pool)
		return SOVA_EXEC_POOL;
	return k.serial ? SOVA_EXEC_SERIAL : SOVA_EXEC_UNKNOWN;
}

/* ---- the search up from the waiting function ---- */

/* The executor value as seen in one function on a way up from the wait. */
struct up_state {
	int def;
	const struct sova_val *val;
	int parent; /* the state this one was reached from, nearer the wait */
	int call;   /* the call in def that leads to the parent's def */
};

struct upward {
	struct up_state *states;
	size_t count, cap;
	struct sova_strmap seen;
};

#define MAX_UP_STATES 100000

static void up_push(struct upward *up, int def, const struct sova_val *val, int parent, int call)
{
	char key[64];
	snprintf(key, sizeof(key), "%d:%p", def, (const void *)val);
	if (up->count >= MAX_UP_STATES || sova_strmap_get(&up->seen, key) >= 0)
		return;
	sova_strmap_put(&up->seen, key, (int)up->count);
	struct up_state st = { def, val, parent, call };
	SOVA_PUSH(up->states, up->count, up->cap, st);
}

/* The call path from the entry state down to the wait. */
static void path_down(const struct upward *up, int state, struct sova_path *path)
{
	size_t n = 0;
	for (int s = state; s >= 0; s = up->states[s].parent)
		n++;
	path->defs = sova_xmalloc(n * sizeof(int));
	path->calls = sova_xmalloc(n * sizeof(int));
	path->n = n;
	size_t i = 0;
	for (int s = state; s >= 0; s = up->states[s].parent, i++) {
		path->defs[i] = up->states[s].def;
		path->calls[i] = up->states[s].parent >= 0 ? up->states[s].call : -1;
	}
}

static int entry_matches(const struct sova_engine *e, const struct sova_entry *entry, int entry_def,
			 const struct sova_val *val)
{
	val = sova_engine_resolve_local(e, entry_def, val);
	if (is_param_of(e, entry_def, val) && val->num == entry->api->context_param) {
		val = arg_of(e, entry->def, entry->call, entry->api->context_arg);
		if (!val)
			return 0;
		val = sova_engine_resolve_local(e, entry->def, val);
	}
	const struct sova_val *outer = arg_of(e, entry->def, entry->call, entry->api->executor_arg);
	return outer && same_executor(val, sova_engine_resolve_local(e, entry->def, outer));
}

/* Where a wait is: its function, the call, and where its future came from. */
struct wait_at {
	int def;
	int call;
	const struct sova_origin *origin;
};

static void report_match(const struct sova_engine *e, const struct upward *up, int state,
			 const struct sova_entry *entry, const struct wait_at *wait, struct sova_site *site)
{
	const struct sova_val *outer = sova_engine_resolve_local(
		e, entry->def, arg_of(e, entry->def, entry->call, entry->api->executor_arg));
	struct sova_path path;
	path_down(up, state, &path);
	site->self_wait = 1;
	site->self_kind = executor_kind(e, entry->def, outer);
	site->executor = outer->name ? outer->name : "the executor";
	sova_worker_chain(e, &path, wait->call, entry, &site->self_chain, &site->self_submit);
	const struct sova_hop *last = &wait->origin->hops[wait->origin->nhops - 1];
	site->inner_submit.loc = sova_engine_loc(e, last->def, sova_engine_call(e, last->def, last->call)->loc);
	site->inner_submit.message =
		sova_xasprintf("the awaited work is submitted to '%s' here, behind the waiting task", site->executor);
	free(path.defs);
	free(path.calls);
}

/* Tries every entry whose body is the state's function; returns 1 on a match. */
static int try_entries(const struct sova_engine *e, const struct upward *up, int state, const struct wait_at *wait,
		       struct sova_site *site)
{
	const struct up_state *st = &up->states[state];
	int sym = e->prog->defs[st->def].sym;
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *entry = &e->entries[k];
		if (entry->sym != sym || !entry->api || !entry_matches(e, entry, st->def, st->val))
			continue;
		report_match(e, up, state, entry, wait, site);
		return 1;
	}
	return 0;
}

void sova_find_self_wait(const struct sova_engine *e, int def, int call, const struct sova_origin *origin,
			 struct sova_site *site)
{
	const struct wait_at wait = { def, call, origin };
	const struct sova_val *val = inner_executor(e, origin);
	if (!val)
		return;
	struct upward up = { NULL, 0, 0, { 0 } };
	sova_strmap_init(&up.seen);
	up_push(&up, def, val, -1, -1);
	/* Breadth first over (function, executor value): each call edge moves the
	 * value into the caller's terms, so two calls of one helper with two
	 * executors are two different states. */
	for (size_t i = 0; i < up.count; i++) {
		if (try_entries(e, &up, (int)i, &wait, site))
			break;
		int at = up.states[i].def;
		for (size_t k = 0; k < e->ncallers[at]; k++) {
			const struct sova_caller *c = &e->callers[at][k];
			const struct sova_val *v = to_caller(e, at, c->def, c->call, up.states[i].val);
			up_push(&up, c->def, v, (int)i, c->call);
		}
	}
	free(up.states);
	sova_strmap_free(&up.seen);
}
