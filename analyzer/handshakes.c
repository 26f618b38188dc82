/* handshakes.c - condition waits that last one thread start: the function
 * has just started the thread that ends the wait, and ending it is the
 * first thing that thread does.
 *
 *	int start_item_crawler_thread(void) {      (memcached, crawler.c)
 *		pthread_mutex_lock(&lru_crawler_lock);
 *		if (pthread_create(&tid, NULL, item_crawler_thread, NULL) != 0) { ...; return -1; }
 *		pthread_cond_wait(&lru_crawler_cond, &lru_crawler_lock);
 *	static void *item_crawler_thread(void *arg) {
 *		pthread_mutex_lock(&lru_crawler_lock);
 *		pthread_cond_signal(&lru_crawler_cond);
 *
 * The caller waits for the new thread to reach its first statements, not
 * for any work: a maintainer rejects "blocks the event loop" there. A wait
 * is such a handshake when, in the facts of extract_order.c:
 *
 *   - the wait is a model's `blocking` entry with `object_arg` and
 *     `woken_by`, and is not in a loop or a branch of its statement (a
 *     `while (!done) pthread_cond_wait(...)` may go on waiting for later
 *     signals, which come after the work);
 *   - a thread start (a model's `threads` entry) runs on every path to it:
 *     in the head of an earlier statement of the same body, with no goto
 *     in the function; its thread function is named directly;
 *   - each body of that function ends the wait (one of `woken_by`, on the
 *     same object: the same global or field, as sova compares storage) in
 *     a statement of its plain prefix, not in a branch, and every call
 *     before it is to a function outside the program that no model says
 *     blocks (taking the lock the waiter holds is the usual one).
 *
 * The same handshake makes a later join brief:
 *
 *	thread = g_thread_new("test1", test1_thread, NULL);
 *	if (g_cond_wait_until(&test1_cond, &test1_mutex, time))
 *		g_thread_join(thread);                    (libsoup, context-test.c)
 *	static gpointer test1_thread(gpointer data) {
 *		...; g_cond_signal(&test1_cond);
 *		g_main_context_pop_thread_default(async_context);
 *		return NULL;
 *
 * A join of the thread the function started waits only for that thread to
 * return when it runs after a wait (a later statement, or under the wait's
 * true result) that every body of the thread function ends unconditionally,
 * with only quick calls after its last such act (sova_join_after_handshake).
 *
 * The models say which calls start threads and end waits; nothing here
 * names an API. */
#include "contexts_internal.h"

/* A global or a field: one object wherever it is named. */
static int shared_storage(const struct sova_val *v)
{
	return v && !v->element && (v->kind == SOVA_VAL_FIELD || v->kind == SOVA_VAL_GLOBAL);
}

/* A call that completes at once as far as sova knows: a direct call to a
 * function outside the program that no model says blocks or waits. */
static int quick_external_call(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (!c->callee_usr)
		return 0;
	int sym = sova_strmap_get(&e->prog->sym_by_usr, c->callee_usr);
	if (sym >= 0 && e->prog->syms[sym].ndefs)
		return 0;
	const struct sova_api_fn *submit = sova_engine_api(e, def, call, SOVA_API_SUBMIT);
	return !sova_engine_api(e, def, call, SOVA_API_BLOCKING) && !sova_engine_api(e, def, call, SOVA_API_WAIT) &&
	       !(submit && submit->waits);
}

/* The thread body def ends the wait on object first thing. */
static int signals_first(const struct sova_engine *e, int def, const struct sova_api_fn *wait,
			 const struct sova_val *object)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (fn->jumps)
		return 0;
	for (size_t i = 0; i < fn->ncalls; i++) {
		const struct sova_call *c = &fn->calls[i];
		if (!c->stmt || c->stmt > fn->plain_prefix)
			return 0;
		if (c->unconditional && sova_api_woken_by(wait, c->callee_name)) {
			const struct sova_val *v = sova_engine_resolved_arg(e, def, (int)i, wait->object_arg);
			if (v && sova_val_same(v, object))
				return 1;
		}
		if (!quick_external_call(e, def, (int)i))
			return 0;
	}
	return 0;
}

/* The thread start at (def, start) runs a function every body of which
 * ends the wait first thing. */
static int starts_signaller(const struct sova_engine *e, int def, int start, const struct sova_api_fn *wait,
			    const struct sova_val *object)
{
	const struct sova_api_fn *api = sova_engine_api(e, def, start, SOVA_API_THREAD_START);
	const struct sova_val *work = api ? sova_engine_resolved_arg(e, def, start, api->work_arg) : NULL;
	int sym = work && work->kind == SOVA_VAL_FUNC ? sova_strmap_get(&e->prog->sym_by_usr, work->usr) : -1;
	if (sym < 0 || !e->prog->syms[sym].ndefs)
		return 0;
	for (size_t k = 0; k < e->prog->syms[sym].ndefs; k++)
		if (!signals_first(e, e->prog->syms[sym].defs[k], wait, object))
			return 0;
	return 1;
}

/* ---- joins after the handshake ---- */

/* The thread body def ends the wait on object, unconditionally, and after
 * its last such act makes only quick calls: it is about to return. */
static int signals_then_returns(const struct sova_engine *e, int def, const struct sova_api_fn *wait,
				const struct sova_val *object)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (fn->jumps)
		return 0;
	int last = -1;
	for (size_t i = 0; i < fn->ncalls; i++) {
		const struct sova_call *c = &fn->calls[i];
		if (!c->unconditional || !c->stmt || !sova_api_woken_by(wait, c->callee_name))
			continue;
		const struct sova_val *v = sova_engine_resolved_arg(e, def, (int)i, wait->object_arg);
		if (v && sova_val_same(v, object))
			last = (int)i;
	}
	if (last < 0)
		return 0;
	for (size_t i = (size_t)last + 1; i < fn->ncalls; i++)
		if (!quick_external_call(e, def, (int)i))
			return 0;
	return 1;
}

/* The thread start at (def, start) stores the handle the join reads and
 * runs a function every body of which signals the wait, then returns. */
static int starts_joined_signaller(const struct sova_engine *e, int def, int start, const struct sova_val *joined,
				   const struct sova_api_fn *wait, const struct sova_val *object)
{
	const struct sova_api_fn *api = sova_engine_api(e, def, start, SOVA_API_THREAD_START);
	if (!api)
		return 0;
	const struct sova_val *handle = api->returns_handle ? sova_engine_result_storage(e, def, start)
							    : sova_engine_resolved_arg(e, def, start, api->handle_arg);
	const struct sova_val *work = sova_engine_resolved_arg(e, def, start, api->work_arg);
	int sym = work && work->kind == SOVA_VAL_FUNC ? sova_strmap_get(&e->prog->sym_by_usr, work->usr) : -1;
	if (!handle || !sova_val_same(handle, joined) || sym < 0 || !e->prog->syms[sym].ndefs)
		return 0;
	for (size_t k = 0; k < e->prog->syms[sym].ndefs; k++)
		if (!signals_then_returns(e, e->prog->syms[sym].defs[k], wait, object))
			return 0;
	return 1;
}

/* The join at (def, call) runs only once the wait at `w` has returned:
 * in a later statement of the body, or under that wait's true result. */
static int joins_after_wait(const struct sova_func *fn, int w, int call)
{
	const struct sova_call *c = &fn->calls[call];
	if (fn->calls[w].stmt && c->stmt > fn->calls[w].stmt)
		return 1;
	for (size_t g = 0; g < c->nguards; g++)
		if (sova_guard_true(c->guards[g]) && sova_guard_call(c->guards[g]) == w)
			return 1;
	return 0;
}

int sova_join_after_handshake(const struct sova_engine *e, int def, int call, const struct sova_api_fn *join)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	const struct sova_val *joined =
		join->handle_arg >= 0 ? sova_engine_resolved_arg(e, def, call, join->handle_arg) : NULL;
	if (!joined || joined->element || fn->jumps)
		return 0;
	for (int w = 0; w < call; w++) {
		const struct sova_api_fn *wait = sova_engine_api(e, def, w, SOVA_API_BLOCKING);
		if (!wait || wait->object_arg < 0 || !wait->nwoken_by || !joins_after_wait(fn, w, call))
			continue;
		const struct sova_val *object = sova_engine_resolved_arg(e, def, w, wait->object_arg);
		if (!shared_storage(object))
			continue;
		for (int s = 0; s < w; s++)
			if (starts_joined_signaller(e, def, s, joined, wait, object))
				return 1;
	}
	return 0;
}

int sova_start_handshake(const struct sova_engine *e, int def, int call, const struct sova_api_fn *wait)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	const struct sova_call *c = &fn->calls[call];
	if (wait->object_arg < 0 || fn->jumps || !c->stmt || !c->unconditional)
		return 0;
	const struct sova_val *object = sova_engine_resolved_arg(e, def, call, wait->object_arg);
	if (!shared_storage(object))
		return 0;
	for (int s = 0; s < call; s++) {
		const struct sova_call *start = &fn->calls[s];
		if (start->unconditional && start->stmt && start->stmt < c->stmt &&
		    starts_signaller(e, def, s, wait, object))
			return 1;
	}
	return 0;
}
