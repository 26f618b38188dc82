/* joins.c - thread joins that cannot wait: the callback they run in was
 * woken by the joined thread's last act.
 *
 * libuv code hands a blocking job to a thread of its own and learns of its
 * end on the loop:
 *
 *	static void wait_cb(void *arg) { ...; waitpid(...); uv_async_send(&p->async); }
 *	static void async_cb(uv_async_t *a) { ...; uv_thread_join(&p->tid); }
 *
 * async_cb runs only after wait_cb's last act, so the join waits for a
 * thread that is returning: it does not block the loop, and a maintainer
 * rejects the report (ttyd's pty.c). GLib code does the same with a
 * thread whose last act is g_idle_add(done_cb, ...). A join is finished
 * for an entry (a registered callback) when:
 *
 *   - every thread start that stores its handle where the join reads it
 *     (the same field, global or local: "whatever the object", as
 *     everywhere in sova) names its thread function directly;
 *   - every one of those functions ends, on every path that returns
 *     (sova_func's ends_with), either with the call that registered the
 *     entry, or with a wake (a model's "wakes") of the handle the entry was
 *     registered on;
 *   - and in the second case, every wake of that handle in the program is
 *     such a last act, so nothing else runs the callback early.
 *
 * The models say which calls start, join and wake threads; nothing here
 * names an API. */
#include "contexts_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A call in a role, with its model entry. */
struct role_call {
	int def, call;
	const struct sova_api_fn *api;
};

struct role_calls {
	struct role_call *items;
	size_t n, cap;
};

/* A thread function's body, and how it ends. */
struct thread_end {
	int def;
	int last;                      /* its last act */
	const struct sova_val *woken;  /* the handle it wakes there, or NULL */
};

struct thread_ends {
	struct thread_end *items;
	size_t n, cap;
};

static void collect_role(const struct sova_engine *e, enum sova_api_role role, struct role_calls *out)
{
	for (size_t d = 0; d < e->prog->ndefs; d++)
		for (size_t c = 0; c < e->prog->defs[d].fn->ncalls; c++) {
			const struct sova_api_fn *api = sova_engine_api(e, (int)d, (int)c, role);
			if (api)
				SOVA_PUSH(out->items, out->n, out->cap, ((struct role_call){ (int)d, (int)c, api }));
		}
}

/* Storage that names one handle wherever it is read: a field, a global or
 * a local, not a parameter (each caller passes its own) or a computed value. */
static int handle_storage(const struct sova_val *v)
{
	return v && !v->element &&
	       (v->kind == SOVA_VAL_FIELD || v->kind == SOVA_VAL_GLOBAL || v->kind == SOVA_VAL_LOCAL);
}

/* The handle a thread start stores: its handle argument, or where its
 * result goes. */
static const struct sova_val *started_handle(const struct sova_engine *e, const struct role_call *start)
{
	if (start->api->returns_handle)
		return sova_engine_result_storage(e, start->def, start->call);
	return sova_engine_resolved_arg(e, start->def, start->call, start->api->handle_arg);
}

/* How a thread function's body ends: its last act, and the handle it
 * wakes there; -1 when it may end another way. */
static int thread_end_of(const struct sova_engine *e, int def, struct thread_end *out)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (!fn->ends_with)
		return -1;
	out->def = def;
	out->last = (int)fn->ends_with - 1;
	const struct sova_api_fn *wake = sova_engine_api(e, def, out->last, SOVA_API_WAKE);
	out->woken = wake ? sova_engine_resolved_arg(e, def, out->last, wake->handle_arg) : NULL;
	return 0;
}

/* The bodies of every thread whose handle the join reads; -1 when one of
 * them is not a function named directly, or ends another way, or none is. */
static int joined_threads(const struct sova_engine *e, const struct role_calls *starts,
			  const struct sova_val *joined, struct thread_ends *out)
{
	for (size_t i = 0; i < starts->n; i++) {
		const struct sova_val *h = started_handle(e, &starts->items[i]);
		if (!h || !sova_val_same(h, joined))
			continue;
		const struct sova_val *work = sova_engine_resolved_arg(e, starts->items[i].def, starts->items[i].call,
							   starts->items[i].api->work_arg);
		int sym = work && work->kind == SOVA_VAL_FUNC ? sova_strmap_get(&e->prog->sym_by_usr, work->usr) : -1;
		if (sym < 0 || !e->prog->syms[sym].ndefs)
			return -1;
		for (size_t k = 0; k < e->prog->syms[sym].ndefs; k++) {
			struct thread_end end;
			if (thread_end_of(e, e->prog->syms[sym].defs[k], &end) < 0)
				return -1;
			SOVA_PUSH(out->items, out->n, out->cap, end);
		}
	}
	return out->n ? 0 : -1;
}

/* Every wake of the handle is one of the threads' last acts. */
static int woken_only_at_ends(const struct sova_engine *e, const struct role_calls *wakes,
			      const struct sova_val *handle, const struct thread_ends *ends)
{
	for (size_t i = 0; i < wakes->n; i++) {
		const struct role_call *w = &wakes->items[i];
		const struct sova_val *h = sova_engine_resolved_arg(e, w->def, w->call, w->api->handle_arg);
		if (!h || !sova_val_same(h, handle))
			continue;
		int at_end = 0;
		for (size_t k = 0; k < ends->n && !at_end; k++)
			at_end = ends->items[k].def == w->def && ends->items[k].last == w->call;
		if (!at_end)
			return 0;
	}
	return 1;
}

/* The entry runs only after every one of the threads made its last act. */
static int runs_after_ends(const struct sova_engine *e, const struct role_calls *wakes, const struct sova_entry *entry,
			   const struct thread_ends *ends)
{
	const struct sova_val *handle =
		entry->handle && entry->def >= 0 ? sova_engine_resolve_local(e, entry->def, entry->handle) : NULL;
	int by_wake = 0;
	for (size_t k = 0; k < ends->n; k++) {
		const struct thread_end *end = &ends->items[k];
		if (entry->def == end->def && entry->call == end->last)
			continue; /* registered by the thread's last act */
		if (!handle_storage(handle) || !end->woken || !sova_val_same(end->woken, handle))
			return 0;
		by_wake = 1;
	}
	return !by_wake || woken_only_at_ends(e, wakes, handle, ends);
}

static void add_finished(struct sova_finished_joins *out, int def, int call, int entry)
{
	char key[48];
	snprintf(key, sizeof(key), "%d:%d:%d", def, call, entry);
	sova_strmap_put(&out->done, key, 1);
}

/* The entries for which the join at (def, call) is finished. */
static void find_for_join(const struct sova_engine *e, const struct role_calls *starts, const struct role_calls *wakes,
			  const struct role_call *join, struct sova_finished_joins *out)
{
	const struct sova_val *joined = sova_engine_resolved_arg(e, join->def, join->call, join->api->handle_arg);
	struct thread_ends ends = { 0 };
	if (handle_storage(joined) && joined_threads(e, starts, joined, &ends) == 0)
		for (size_t k = 0; k < e->nentries; k++)
			if (runs_after_ends(e, wakes, &e->entries[k], &ends))
				add_finished(out, join->def, join->call, (int)k);
	free(ends.items);
}

void sova_find_finished_joins(const struct sova_engine *e, struct sova_finished_joins *out)
{
	sova_strmap_init(&out->done);
	struct role_calls blocking = { 0 }, starts = { 0 }, wakes = { 0 };
	collect_role(e, SOVA_API_THREAD_START, &starts);
	if (starts.n) {
		collect_role(e, SOVA_API_BLOCKING, &blocking);
		collect_role(e, SOVA_API_WAKE, &wakes);
	}
	for (size_t i = 0; i < blocking.n; i++)
		if (blocking.items[i].api->handle_arg >= 0)
			find_for_join(e, &starts, &wakes, &blocking.items[i], out);
	free(blocking.items);
	free(starts.items);
	free(wakes.items);
}

int sova_join_finished(const struct sova_finished_joins *joins, int def, int call, int entry)
{
	char key[48];
	snprintf(key, sizeof(key), "%d:%d:%d", def, call, entry);
	return sova_strmap_get(&joins->done, key) >= 0;
}

void sova_finished_joins_free(struct sova_finished_joins *joins)
{
	sova_strmap_free(&joins->done);
}
