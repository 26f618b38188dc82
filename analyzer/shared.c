/* shared.c - blocking calls that return an object the entry's registration already made.
 *
 * Some blocking calls return an object the whole process shares, and block
 * only to make it: GLib's g_bus_get_sync(G_BUS_TYPE_SESSION) connects to
 * the session bus the first time and then returns the same connection. In
 * the callback of g_bus_get(G_BUS_TYPE_SESSION, ...) or of
 * g_dbus_proxy_new_for_bus(G_BUS_TYPE_SESSION, ...), that connection
 * exists (the result or the proxy holds it), so the sync call returns it at
 * once; a maintainer rejects the report (glib's gdocumentportal.c:52).
 *
 * A model's blocking entry says so with "exists_in_callbacks_of": the
 * registering functions, this call's argument and theirs that must be the
 * same constant. A call so modelled does not block in a chain that runs
 * through a function the program hands out only as an argument of those
 * functions, each time with that constant: the entry itself, or a callback
 * the program's own g_task_return_now calls when GLib itself is analysed.
 * Elsewhere (a timeout callback, a callback of the system bus, a function
 * also stored in a table) it still does.
 * What is assumed: that the asynchronous call succeeded, as the callbacks
 * check before they go on. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static int listed(const struct sova_api_fn *api, const char *name)
{
	for (size_t i = 0; name && i < api->nshared_by; i++)
		if (strcmp(api->shared_by[i], name) == 0)
			return 1;
	return 0;
}

/* Argument `index` of the call, when it is a constant. */
static int constant_arg(const struct sova_engine *e, int def, int call, int index, long *value)
{
	const struct sova_val *v = sova_engine_resolved_arg(e, def, call, index);
	if (!v || v->kind != SOVA_VAL_INT || v->element || v->address)
		return 0;
	*value = v->num;
	return 1;
}

/* How the program hands a function out, for one model entry: only as an
 * argument of the listed functions, with one constant at their_arg (the
 * callback of g_bus_get(G_BUS_TYPE_SESSION, ...) wherever it is named),
 * or some other way too. Reading every use, not the entries, covers a
 * callback that reaches g_task_new through the program's own g_bus_get
 * when GLib itself is analysed. */
enum handed_out { HANDED_NOWHERE = 0, HANDED_BY_LISTED, HANDED_OTHERWISE };

struct handouts {
	enum handed_out *how; /* per sym */
	long *value;          /* per sym, for HANDED_BY_LISTED */
};

static void note_use(struct handouts *h, int sym, int listed_with, long value)
{
	if (sym < 0)
		return;
	if (!listed_with || (h->how[sym] == HANDED_BY_LISTED && h->value[sym] != value))
		h->how[sym] = HANDED_OTHERWISE;
	else if (h->how[sym] == HANDED_NOWHERE) {
		h->how[sym] = HANDED_BY_LISTED;
		h->value[sym] = value;
	}
}

static int function_sym(const struct sova_engine *e, const struct sova_val *v)
{
	return v->kind == SOVA_VAL_FUNC && v->usr ? sova_strmap_get(&e->prog->sym_by_usr, v->usr) : -1;
}

static void find_handouts(const struct sova_engine *e, const struct sova_api_fn *api, struct handouts *h)
{
	const struct sova_program *prog = e->prog;
	h->how = sova_xcalloc(prog->nsyms + 1, sizeof(*h->how));
	h->value = sova_xcalloc(prog->nsyms + 1, sizeof(*h->value));
	for (size_t i = 0; i < prog->nassigns; i++)
		note_use(h, function_sym(e, &prog->assigns[i].assign->value), 0, 0);
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			const struct sova_call *call = &prog->defs[d].fn->calls[c];
			long value = 0;
			int by_listed = call->callee_usr && listed(api, call->callee_name) &&
					constant_arg(e, (int)d, (int)c, api->their_arg, &value);
			for (size_t a = 0; a < call->nargs; a++)
				note_use(h, function_sym(e, &call->args[a]), by_listed, value);
		}
}

static void key_of(char *key, size_t n, int def, int call, int sym)
{
	snprintf(key, n, "%d:%d:%d", def, call, sym);
}

static void find_for_model_entry(const struct sova_engine *e, const struct sova_api_fn *api,
				 struct sova_shared_objects *out)
{
	struct handouts h;
	find_handouts(e, api, &h);
	for (size_t d = 0; d < e->prog->ndefs; d++)
		for (size_t c = 0; c < e->prog->defs[d].fn->ncalls; c++) {
			long value;
			if (sova_engine_api(e, (int)d, (int)c, SOVA_API_BLOCKING) != api ||
			    !constant_arg(e, (int)d, (int)c, api->shared_arg, &value))
				continue;
			for (size_t sym = 0; sym < e->prog->nsyms; sym++)
				if (h.how[sym] == HANDED_BY_LISTED && h.value[sym] == value) {
					char key[48];
					key_of(key, sizeof(key), (int)d, (int)c, (int)sym);
					sova_strmap_put(&out->exists, key, 1);
				}
		}
	free(h.how);
	free(h.value);
}

void sova_find_shared_objects(const struct sova_engine *e, struct sova_shared_objects *out)
{
	sova_strmap_init(&out->exists);
	for (size_t i = 0; i < e->models->nfns; i++)
		if (e->models->fns[i].role == SOVA_API_BLOCKING && e->models->fns[i].nshared_by)
			find_for_model_entry(e, &e->models->fns[i], out);
}

int sova_shared_object_exists(const struct sova_shared_objects *shared, int def, int call, int sym)
{
	char key[48];
	key_of(key, sizeof(key), def, call, sym);
	return sova_strmap_get(&shared->exists, key) >= 0;
}

int sova_shared_in_chain(const struct sova_engine *e, const struct sova_reach *reach, int state, int def, int call)
{
	for (int st = state; st >= 0 && e->shared.exists.count; st = reach->states[st].parent)
		if (sova_shared_object_exists(&e->shared, def, call, e->prog->defs[reach->states[st].def].sym))
			return e->prog->defs[reach->states[st].def].sym;
	return -1;
}

void sova_shared_objects_free(struct sova_shared_objects *shared)
{
	sova_strmap_free(&shared->exists);
}
