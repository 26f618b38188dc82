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
