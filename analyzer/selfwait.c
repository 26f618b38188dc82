/* selfwait.c - does a task wait on its own executor, or on itself?
 *
 * These waits deadlock the task that makes them:
 *  - on work it queued behind itself: the executor the awaited work went
 *    to is the one the task runs on (fut_get(fut_submit(own_pool, ...)));
 *  - a submit-and-wait onto its own executor (dispatch_sync on the queue the
 *    block runs on);
 *  - a wait on its own object or executor (nng_aio_stop on the callback's
 *    own aio, flush_work on the running work item, thpool_wait on its pool,
 *    flush_scheduled_work from an item on system_wq, the model's implicit
 *    executor of schedule_work);
 *  - on a serial executor, a wait on something only work queued behind the
 *    task can finish: a dispatch group with work on the task's own queue, a
 *    promise whose every completion runs on the task's executor in work the
 *    task itself queued.
 * The value waited on is followed up the call chain to the entry
 * (parameters become their arguments, the entry's context parameter becomes
 * what it was registered with) and compared with the entry's executor and
 * object: the same global, struct field, parameter or local. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_UP_STATES 100000

/* Moves val from the scope of callee to that of the caller making `call`. */
static const struct sova_val *to_caller(const struct sova_engine *e, int callee, int caller, int call,
					const struct sova_val *val)
{
	val = sova_engine_resolve(e, callee, val);
	if (!sova_engine_is_param_of(e, callee, val))
		return val;
	const struct sova_val *arg = sova_engine_arg(e, caller, call, val->num);
	return arg ? sova_engine_resolve(e, caller, arg) : val;
}

static int same_identity(const struct sova_val *a, const struct sova_val *b)
{
	int identity = a->kind == SOVA_VAL_GLOBAL || a->kind == SOVA_VAL_FIELD || a->kind == SOVA_VAL_PARAM ||
		       a->kind == SOVA_VAL_LOCAL;
	return identity && sova_val_same(a, b);
}

/* An executor that runs one task at a time: work queued on it behind a
 * waiting task never starts. */
static int one_at_a_time(enum sova_exec_kind kind)
{
	return kind == SOVA_EXEC_SERIAL || kind == SOVA_EXEC_LOOP;
}

/* ---- what a wait is on ---- */

/* A value the wait depends on, in the waiting function's terms. */
struct self_target {
	const struct sova_val *val;
	int inner_def, inner_call; /* where work was queued on it, or -1 */
	int queued_on_path;        /* a self-wait only when inner_def is on the chain: the task queued that work */
};

/* The executor the awaited work went to, moved into the waiting function's terms. */
static const struct sova_val *inner_executor(const struct sova_engine *e, const struct sova_origin *origin)
{
	const struct sova_hop *last = &origin->hops[origin->nhops - 1];
	const struct sova_api_fn *api = sova_engine_api(e, last->def, last->call, SOVA_API_SUBMIT);
	if (!api)
		api = sova_engine_api(e, last->def, last->call, SOVA_API_CONTINUATION);
	const struct sova_val *val = api ? sova_engine_executor_arg(e, last->def, last->call, api) : NULL;
	for (size_t i = origin->nhops - 1; val && i > 0; i--)
		val = to_caller(e, origin->hops[i].def, origin->hops[i - 1].def, origin->hops[i - 1].call, val);
	return val;
}

/* ---- promises completed only on one executor ---- */

#define MAX_COMPLETER_DEFS 4096

/* The one executor the entries found so far run on. */
struct completer {
	const struct sova_val *executor;
	const struct sova_entry *entry; /* the first entry on it */
	int ok;                         /* every way up ends in an entry on that executor */
};

static void completer_add_entry(const struct sova_engine *e, const struct sova_entry *entry, struct completer *c)
{
	const struct sova_val *x = entry->executor && entry->def >= 0 ? sova_engine_resolve(e, entry->def, entry->executor) : NULL;
	if (!x)
		c->ok = 0;
	else if (!c->executor)
		*c = (struct completer){ x, entry, c->ok };
	else if (!same_identity(c->executor, x))
		c->ok = 0;
}

/* Walks up from def through its callers: every function on the way that
 * is registered as work adds its entries; one that nothing registers or
 * calls (main, an exported function) means def may run anywhere. */
static void runs_only_on(const struct sova_engine *e, int def, struct completer *c)
{
	size_t ndefs = e->prog->ndefs;
	unsigned char *seen = sova_xcalloc(ndefs + 1, 1);
	int *queue = sova_xmalloc(MAX_COMPLETER_DEFS * sizeof(int));
	size_t head = 0, tail = 0;
	queue[tail++] = def;
	seen[def] = 1;
	while (head < tail && c->ok) {
		int d = queue[head++];
		int registered = 0;
		for (int k = e->first_entry[e->prog->defs[d].sym]; k >= 0; k = e->next_entry[k]) {
			completer_add_entry(e, &e->entries[k], c);
			registered = 1;
		}
		if (!registered && e->ncallers[d] == 0)
			c->ok = 0;
		for (size_t i = 0; i < e->ncallers[d] && c->ok; i++) {
			int up = e->callers[d][i].def;
			if (seen[up])
				continue;
			if (tail == MAX_COMPLETER_DEFS)
				c->ok = 0;
			else
				queue[tail++] = up;
			seen[up] = 1;
		}
	}
	free(queue);
	free(seen);
}

/* A wait on the future of a promise (fut_promise_future(p)) whose every
 * completion (fut_promise_set(p)) runs in work queued on one serial
 * executor: that executor is what the wait depends on. The promise is named
 * program-wide (a global, a field); a completion in the waiting function
 * itself may complete it before the wait, so it proves nothing. */
static int promise_target(const struct sova_engine *e, int def, const struct sova_origin *origin,
			  struct self_target *out)
{
	const struct sova_hop *h = origin->nhops == 1 ? &origin->hops[0] : NULL;
	const struct sova_api_fn *api = h ? sova_engine_api(e, h->def, h->call, SOVA_API_PROMISE_FUTURE) : NULL;
	const struct sova_val *promise = api ? sova_engine_arg(e, h->def, h->call, api->promise_arg) : NULL;
	if (!promise)
		return 0;
	promise = sova_engine_resolve(e, h->def, promise);
	if (promise->kind != SOVA_VAL_GLOBAL && promise->kind != SOVA_VAL_FIELD)
		return 0;
	struct completer c = { NULL, NULL, 1 };
	int found = 0;
	for (size_t d = 0; d < e->prog->ndefs && c.ok; d++) {
		for (size_t k = 0; k < e->prog->defs[d].fn->ncalls && c.ok; k++) {
			const struct sova_api_fn *set = sova_engine_api(e, (int)d, (int)k, SOVA_API_COMPLETE);
			const struct sova_val *arg = set ? sova_engine_arg(e, (int)d, (int)k, set->promise_arg) : NULL;
			if (!arg || !same_identity(promise, sova_engine_resolve(e, (int)d, arg)))
				continue;
			found = 1;
			if ((int)d == def)
				return 0;
			runs_only_on(e, (int)d, &c);
		}
	}
	if (!found || !c.ok || !c.executor || !one_at_a_time(sova_executor_kind(e, c.entry->def, c.entry->executor)))
		return 0;
	*out = (struct self_target){ c.executor, c.entry->def, c.entry->call, 1 };
	return 1;
}

static size_t wait_targets(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			   const struct sova_origin *origin, struct self_target *out)
{
	size_t n = 0;
	if (origin->nhops) {
		const struct sova_hop *last = &origin->hops[origin->nhops - 1];
		out[n++] = (struct self_target){ inner_executor(e, origin), last->def, last->call, 0 };
	}
	/* An executor that grows for its own threads' nested work (GTask) is
	 * no self-wait for them. */
	if (api->role == SOVA_API_SUBMIT && api->waits && !api->grows_for_nested)
		out[n++] = (struct self_target){ sova_engine_executor_arg(e, def, call, api), def, call, 0 };
	if (api->role == SOVA_API_WAIT && !api->joins_array)
		out[n++] = (struct self_target){ sova_engine_future_arg(e, def, call, api), -1, -1, 0 };
	n += (size_t)promise_target(e, def, origin, &out[n]);
	return n;
}

/* ---- the search up from the waiting function ---- */

/* The value as seen in one function on a way up from the wait. */
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

enum match { MATCH_NONE, MATCH_EXECUTOR, MATCH_HANDLE };

static enum match entry_matches(const struct sova_engine *e, const struct sova_entry *entry, int entry_def,
				const struct sova_val *val)
{
	val = sova_engine_resolve(e, entry_def, val);
	if (sova_engine_is_param_of(e, entry_def, val) && val->num == entry->context_param && entry->context_val)
		val = sova_engine_resolve(e, entry->def, entry->context_val);
	if (entry->executor && same_identity(val, sova_engine_resolve(e, entry->def, entry->executor)))
		return MATCH_EXECUTOR;
	const struct sova_val *handle = entry->handle ? sova_engine_resolve(e, entry->def, entry->handle) : NULL;
	/* cancel_delayed_work_sync(&p->dw) waits on the delayed work whose
	 * work_struct p->dw.work is the handle. */
	if (handle && (same_identity(val, handle) || sova_val_contains(val, handle)))
		return MATCH_HANDLE;
	return MATCH_NONE;
}

/* Where a wait is and what it waits on. */
struct wait_at {
	int def;
	int call;
	const struct sova_api_fn *api;
	const struct self_target *target;
};

static void set_inner_submit(const struct sova_engine *e, int def, int call, struct sova_site *site)
{
	free(site->inner_submit.message);
	site->inner_submit.loc = sova_engine_loc(e, def, sova_engine_call(e, def, call)->loc);
	site->inner_submit.message = sova_xasprintf("the awaited work is queued on '%s' here, behind the waiting task",
						    site->executor);
}

/* The wait is on a handle (a group) whose work `queued` put on the task's own executor. */
static void note_queued(const struct sova_engine *e, const struct sova_entry *queued, struct sova_site *site)
{
	site->self_drains = 0;
	set_inner_submit(e, queued->def, queued->call, site);
}

static void report_match(const struct sova_engine *e, const struct upward *up, int state,
			 const struct sova_entry *entry, enum match match, const struct wait_at *wait,
			 struct sova_site *site)
{
	const struct sova_val *what = sova_engine_resolve(e, entry->def, match == MATCH_EXECUTOR ? entry->executor : entry->handle);
	struct sova_path path;
	path_down(up, state, &path);
	site->self_wait = 1;
	site->self_handle = match == MATCH_HANDLE;
	site->self_drains = match == MATCH_EXECUTOR && wait->api->role == SOVA_API_WAIT && wait->api->drains;
	site->self_kind = match == MATCH_EXECUTOR ? sova_executor_kind(e, entry->def, what) : SOVA_EXEC_UNKNOWN;
	site->executor = what->name ? what->name : "the executor";
	sova_worker_chain(e, &path, wait->call, entry, &site->self_chain, &site->self_submit);
	const struct self_target *t = wait->target;
	if (t->inner_def >= 0)
		set_inner_submit(e, t->inner_def, t->inner_call, site);
	free(path.defs);
	free(path.calls);
}

/* Work the wait depends on that was queued behind the task: the handle
 * waited on (a dispatch group) has work queued on the serial executor the
 * task runs on. Returns that work's entry, or -1. On a pool the work may
 * run on another thread, so only a serial executor or a loop proves it. */
static int queued_behind(const struct sova_engine *e, const struct sova_entry *entry, const struct sova_val *val)
{
	if (!entry->executor || !one_at_a_time(sova_executor_kind(e, entry->def, entry->executor)))
		return -1;
	const struct sova_val *executor = sova_engine_resolve(e, entry->def, entry->executor);
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *other = &e->entries[k];
		if (other == entry || !other->handle || !other->executor || other->def < 0)
			continue;
		if (same_identity(val, sova_engine_resolve(e, other->def, other->handle)) &&
		    same_identity(executor, sova_engine_resolve(e, other->def, other->executor)))
			return (int)k;
	}
	return -1;
}

/* Whether def is on the chain from the state down to the wait. */
static int on_path(const struct upward *up, int state, int def)
{
	for (int s = state; s >= 0; s = up->states[s].parent)
		if (up->states[s].def == def)
			return 1;
	return 0;
}

/* Tries every entry whose body is the state's function; returns 1 on a match. */
static int try_entries(const struct sova_engine *e, const struct upward *up, int state, const struct wait_at *wait,
		       struct sova_site *site)
{
	const struct up_state *st = &up->states[state];
	int sym = e->prog->defs[st->def].sym;
	for (int k = e->first_entry[sym]; k >= 0; k = e->next_entry[k]) {
		const struct sova_entry *entry = &e->entries[k];
		enum match match = entry_matches(e, entry, st->def, st->val);
		int behind = match == MATCH_NONE ? queued_behind(e, entry, sova_engine_resolve(e, st->def, st->val)) : -1;
		if (match == MATCH_NONE && behind < 0)
			continue;
		if (wait->target->queued_on_path && !on_path(up, state, wait->target->inner_def))
			continue;
		report_match(e, up, state, entry, behind >= 0 ? MATCH_EXECUTOR : match, wait, site);
		if (behind >= 0)
			note_queued(e, &e->entries[behind], site);
		return 1;
	}
	return 0;
}

/* Breadth first over (function, value): each call edge moves the value into
 * the caller's terms, so two calls of one helper with two executors are two
 * different states. Returns 1 on a match. */
static int search_up(const struct sova_engine *e, const struct wait_at *wait, struct sova_site *site)
{
	struct upward up = { NULL, 0, 0, { 0 } };
	sova_strmap_init(&up.seen);
	up_push(&up, wait->def, wait->target->val, -1, -1);
	int found = 0;
	for (size_t i = 0; i < up.count && !found; i++) {
		found = try_entries(e, &up, (int)i, wait, site);
		int at = up.states[i].def;
		for (size_t k = 0; k < e->ncallers[at] && !found; k++) {
			const struct sova_caller *c = &e->callers[at][k];
			up_push(&up, c->def, to_caller(e, at, c->def, c->call, up.states[i].val), (int)i, c->call);
		}
	}
	free(up.states);
	sova_strmap_free(&up.seen);
	return found;
}

void sova_find_self_wait(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			 const struct sova_origin *origin, struct sova_site *site)
{
	struct self_target targets[4];
	size_t n = wait_targets(e, def, call, api, origin, targets);
	for (size_t i = 0; i < n; i++) {
		struct wait_at wait = { def, call, api, &targets[i] };
		if (targets[i].val && search_up(e, &wait, site))
			return;
	}
}
