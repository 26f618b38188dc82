/* selfwait.c - does a task wait on work queued behind it on its own executor?
 *
 * The executor the awaited work went to is followed up the call chain to the
 * worker entry (parameters become their arguments, the entry's context
 * parameter becomes the submit's context argument) and compared with the
 * executor the entry was submitted to: the same global, struct field,
 * parameter or local. Its kind comes from the constructor assigned to it. */
#include "contexts_internal.h"

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

struct upward {
	int *down_def;  /* per def: the callee it was reached from, towards the wait */
	int *down_call; /* per def: the call in it that leads there */
};

static void path_down(const struct upward *up, int from, int to, struct sova_path *path)
{
	size_t n = 1;
	for (int d = from; d != to; d = up->down_def[d])
		n++;
	path->defs = sova_xmalloc(n * sizeof(int));
	path->calls = sova_xmalloc(n * sizeof(int));
	path->n = n;
	size_t i = 0;
	for (int d = from;; d = up->down_def[d]) {
		path->defs[i] = d;
		path->calls[i] = d == to ? -1 : up->down_call[d];
		i++;
		if (d == to)
			break;
	}
}

/* Moves val from the waiting function `def` up the search path to `at`. */
static const struct sova_val *up_to(const struct sova_engine *e, const struct upward *up, int def, int at,
				    const struct sova_val *val)
{
	struct sova_path path;
	path_down(up, at, def, &path);
	for (size_t i = path.n - 1; val && i > 0; i--)
		val = to_caller(e, path.defs[i], path.defs[i - 1], path.calls[i - 1], val);
	free(path.defs);
	free(path.calls);
	return val;
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

/* Where a wait is: its function and the call. */
struct wait_at {
	int def;
	int call;
	const struct sova_origin *origin;
};

static void report_match(const struct sova_engine *e, const struct upward *up, const struct sova_entry *entry,
			 int entry_def, const struct wait_at *wait, struct sova_site *site)
{
	const struct sova_val *outer = sova_engine_resolve_local(
		e, entry->def, arg_of(e, entry->def, entry->call, entry->api->executor_arg));
	struct sova_path path;
	path_down(up, entry_def, wait->def, &path);
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

/* Tries every entry whose body is `at`; returns 1 on a match. */
static int try_entries(const struct sova_engine *e, const struct upward *up, int at, const struct wait_at *wait,
		       const struct sova_val *val, struct sova_site *site)
{
	const struct sova_val *at_entry = up_to(e, up, wait->def, at, val);
	if (!at_entry)
		return 0;
	int sym = e->prog->defs[at].sym;
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *entry = &e->entries[k];
		if (entry->sym != sym || !entry->api || !entry_matches(e, entry, at, at_entry))
			continue;
		report_match(e, up, entry, at, wait, site);
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
	size_t n = e->prog->ndefs;
	struct upward up = { sova_xmalloc(n * sizeof(int)), sova_xmalloc(n * sizeof(int)) };
	for (size_t i = 0; i < n; i++)
		up.down_def[i] = up.down_call[i] = -2;
	int *queue = sova_xmalloc(n * sizeof(int));
	size_t head = 0, tail = 0;
	queue[tail++] = def;
	up.down_def[def] = -1;
	while (head < tail) {
		int at = queue[head++];
		if (try_entries(e, &up, at, &wait, val, site))
			break;
		for (size_t i = 0; i < e->ncallers[at]; i++) {
			const struct sova_caller *c = &e->callers[at][i];
			if (up.down_def[c->def] != -2)
				continue;
			up.down_def[c->def] = at;
			up.down_call[c->def] = c->call;
			queue[tail++] = c->def;
		}
	}
	free(queue);
	free(up.down_def);
	free(up.down_call);
}
