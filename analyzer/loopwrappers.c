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
 * A program's main loop that callbacks only feed, never stop, is not
 * one. The models say which calls run and stop loops; nothing here names
 * an API. */
#include "contexts_internal.h"

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

int sova_loop_wrapper_start(const struct sova_engine *e, int def, int call, const struct sova_api_fn *run)
{
	if (run->blocks_on != SOVA_BLOCK_LOOP || run->object_arg < 0 || !run->nwoken_by)
		return -1;
	const struct sova_val *loop = sova_engine_resolved_arg(e, def, call, run->object_arg);
	if (!loop)
		return -1;
	int start = -1;
	for (size_t k = 0; k < e->nentries; k++) {
		const struct sova_entry *entry = &e->entries[k];
		if (entry->def == def && entry->call >= 0 && entry->call < call &&
		    (start < 0 || entry->call < start) && entry_stops(e, entry, run, loop))
			start = entry->call;
	}
	return start;
}
