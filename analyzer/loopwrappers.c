/* loopwrappers.c - nested-loop sync wrappers: GLib's form of `.Result`.
 *
 *	GBytes *my_load_sync(GFile *f) {
 *		struct load s = { .loop = g_main_loop_new(ctx, FALSE) };
 *		g_file_load_bytes_async(f, NULL, done, &s);   (done: g_main_loop_quit(s->loop))
 *		g_main_loop_run(s.loop);
 *
 * The function starts async work and then runs a loop until the work's
 * callback stops it: a wait on async work, not only a nested loop. A
 * loop run is such a wait when, in the function:
 *
 *   - the run is a model's `blocking` entry on a loop with `object_arg`
 *     and `woken_by` (g_main_loop_run, ended by g_main_loop_quit);
 *   - an earlier call registered an entry (a submit, a typed callback)
 *     whose function ends that run: one of `woken_by` on the same loop
 *     (the same global or field, as sova compares storage), or on the
 *     parameter that receives the registration's data argument, when that
 *     argument is the loop.
 *
 * The other form runs single iterations until a flag is set:
 *
 *	g_file_delete_async(f, 0, NULL, done, &result);   (done: *result_ptr = g_object_ref(res))
 *	while (!result)
 *		g_main_context_iteration(ctx, TRUE);
 *
 * The run is a model's loop entry that `iterates`, the test of the while
 * or do loop around it reads some storage, and the function of an entry
 * registered earlier stores into that storage through its data parameter:
 * `*data = ...` when the test reads what the data argument points to
 * (result, for &result), `data->f = ...` when it reads a field f. GIO
 * splits this in two (gsubprocess.c: g_subprocess_wait starts the work,
 * g_subprocess_sync_complete(&result) loops on *result), so the loop may
 * also be in a helper that the registering function calls afterwards and
 * hands the flag to. Only the callback's own stores count, not those of
 * the functions it calls.
 *
 * A program's main loop that callbacks only feed, never stop, is not
 * one, nor one that only a callback told its registration is over stops
 * (a daemon that quits when it loses its bus name: a model's callback
 * type with `ends_registration`). The models say which calls run and stop loops; nothing here names
 * an API. */
#include "contexts_internal.h"

#include <string.h>

/* The value a stop call in the callback names is the loop: the same
 * storage, or the callback's data parameter holding it. */
static int names_loop(const struct sova_engine *e, const struct sova_entry *entry, int def, const struct sova_val *v,
		      const struct sova_val *loop)
{
	if (sova_val_same(v, loop))
		return 1;
	if (!entry->context_val || !sova_engine_is_param_of(e, def, v) || v->num != entry->context_param)
		return 0;
	const struct sova_val *data = sova_engine_resolve_local(e, entry->def, entry->context_val);
	return sova_val_same(data, loop);
}

/* Some body of the entry's function stops the loop run at (def, call). */
static int entry_stops(const struct sova_engine *e, const struct sova_entry *entry, const struct sova_api_fn *run,
		       const struct sova_val *loop)
{
	const struct sova_sym *s = &e->prog->syms[entry->sym];
	for (size_t k = 0; k < s->ndefs; k++) {
		int d = s->defs[k];
		const struct sova_func *fn = e->prog->defs[d].fn;
		for (size_t c = 0; c < fn->ncalls; c++) {
			if (!fn->calls[c].callee_usr || !sova_api_woken_by(run, fn->calls[c].callee_name))
				continue;
			const struct sova_val *v = sova_engine_resolved_arg(e, d, (int)c, run->object_arg);
			if (v && names_loop(e, entry, d, v, loop))
				return 1;
		}
	}
	return 0;
}

/* The earliest call before `call` in def that registered an entry
 * stopping the loop run there, or -1. */
static int stopping_start(const struct sova_engine *e, int def, int call, const struct sova_api_fn *run)
{
	if (run->object_arg < 0 || !run->nwoken_by)
		return -1;
	const struct sova_val *loop = sova_engine_resolved_arg(e, def, call, run->object_arg);
	if (!loop)
		return -1;
	int start = -1;
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *entry = &e->entries[k];
		if (entry->def == def && entry->call >= 0 && entry->call < call && !entry->ends_registration &&
		    (start < 0 || entry->call < start) && entry_stops(e, entry, run, loop))
			start = entry->call;
	}
	return start;
}

/* ---- flag loops ---- */

/* The storage the callback's assignment writes through its data
 * parameter: 1 for *data, 2 for data->f (field, its USR), else 0. */
static int store_through_data(const struct sova_engine *e, int def, int param, const struct sova_assign *a,
			      const char **field)
{
	if (a->target.kind == SOVA_VAL_FIELD && a->object.kind != SOVA_VAL_UNKNOWN) {
		const struct sova_val *object = sova_engine_resolve_local(e, def, &a->object);
		if (sova_engine_is_param_of(e, def, object) && object->num == param && !object->element) {
			*field = a->target.usr;
			return 2;
		}
		return 0;
	}
	if (a->target.element != 1 || a->target.path || a->target.address)
		return 0;
	struct sova_val base = a->target;
	base.element = 0;
	const struct sova_val *pointer = sova_engine_resolve_local(e, def, &base);
	return sova_engine_is_param_of(e, def, pointer) && pointer->num == param && !pointer->element ? 1 : 0;
}

/* What a loop test reads, in the registering function's terms, is what
 * the entry's data argument points to (`result` for &result, `*p` for
 * p), or a field (any object's: the field's USR says which struct). */
static int reads_what_data_reaches(const struct sova_val *read, const struct sova_val *data, int how,
				   const char *field)
{
	if (how == 2)
		return read->kind == SOVA_VAL_FIELD && read->usr && strcmp(read->usr, field) == 0;
	if (read->path || data->path || read->kind == SOVA_VAL_FIELD)
		return 0;
	if (data->address && !data->element && !read->element && !read->address)
		return sova_val_same(read, data);
	if (!data->address && !data->element && read->element == 1)
		return sova_val_same(read, data);
	return 0;
}

/* Some body of the entry's function sets `read` through its data parameter. */
static int entry_sets(const struct sova_engine *e, const struct sova_entry *entry, const struct sova_val *read)
{
	if (entry->context_param < 0 || !entry->context_val)
		return 0;
	const struct sova_val *data = sova_engine_resolve_local(e, entry->def, entry->context_val);
	const struct sova_sym *s = &e->prog->syms[entry->sym];
	for (size_t k = 0; k < s->ndefs; k++) {
		int d = s->defs[k];
		const struct sova_func *fn = e->prog->defs[d].fn;
		for (size_t i = 0; i < fn->nassigns; i++) {
			const char *field = NULL;
			int how = store_through_data(e, d, entry->context_param, &fn->assigns[i], &field);
			if (how && reads_what_data_reaches(read, data, how, field))
				return 1;
		}
	}
	return 0;
}

/* The earliest call before `before` in def that registered an entry
 * setting one of the reads, or -1. */
static int setting_start(const struct sova_engine *e, int def, int before, const struct sova_val *reads, size_t nreads)
{
	int start = -1;
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *entry = &e->entries[k];
		if (entry->def != def || entry->call < 0 || entry->call >= before || (start >= 0 && entry->call >= start))
			continue;
		for (size_t r = 0; r < nreads; r++)
			if (entry_sets(e, entry, &reads[r])) {
				start = entry->call;
				break;
			}
	}
	return start;
}

/* A helper's loop test read, in the terms of the caller at (def, call):
 * *p, for the helper's parameter p, is what the caller passed the address
 * of; a field stays a field. 0 when the read does not reach the caller. */
static int read_in_caller(const struct sova_engine *e, int helper, const struct sova_val *read, int def, int call,
			  struct sova_val *out)
{
	if (read->kind == SOVA_VAL_FIELD) {
		*out = *read;
		return 1;
	}
	if (!sova_engine_is_param_of(e, helper, read) || read->element != 1 || read->path)
		return 0;
	const struct sova_val *arg = sova_engine_resolved_arg(e, def, call, read->num);
	if (!arg || !arg->address || arg->element || arg->path)
		return 0;
	*out = *arg;
	out->address = 0;
	return 1;
}

/* The flag loop's start in a caller that calls the helper after
 * registering the work, the first caller in the index's order. */
static int flag_start_in_caller(const struct sova_engine *e, int def, const struct sova_call *run,
				struct sova_loop_wrapper *out)
{
	for (size_t i = 0; i < e->ncallers[def]; i++) {
		const struct sova_caller *c = &e->callers[def][i];
		struct sova_val reads[SOVA_MAX_LOOP_READS];
		size_t n = 0;
		for (size_t r = 0; r < run->nloop_reads; r++)
			n += (size_t)read_in_caller(e, def, &run->loop_reads[r], c->def, c->call, &reads[n]);
		int start = n ? setting_start(e, c->def, c->call, reads, n) : -1;
		if (start >= 0) {
			*out = (struct sova_loop_wrapper){ c->def, start, c->call };
			return 1;
		}
	}
	return 0;
}

int sova_find_loop_wrapper(const struct sova_engine *e, int def, int call, const struct sova_api_fn *run,
			   struct sova_loop_wrapper *out)
{
	if (run->blocks_on != SOVA_BLOCK_LOOP)
		return 0;
	int start = stopping_start(e, def, call, run);
	const struct sova_call *c = sova_engine_call(e, def, call);
	if (start < 0 && run->iterates && c->nloop_reads)
		start = setting_start(e, def, call, c->loop_reads, c->nloop_reads);
	if (start >= 0) {
		*out = (struct sova_loop_wrapper){ def, start, -1 };
		return 1;
	}
	return run->iterates && c->nloop_reads && flag_start_in_caller(e, def, c, out);
}
