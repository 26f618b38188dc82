/* readiness.c - I/O on an object that cannot block there: ready, or set non-blocking.
 *
 * A GSocket read blocks only on a socket in blocking mode with nothing
 * to read. GIO's own code, and code written like it, calls the sync
 * GSocket API only where it cannot block:
 *
 *	source = g_socket_create_source(sock, G_IO_IN, NULL);
 *	g_source_set_callback(source, (GSourceFunc) on_readable, data, NULL);
 *	...
 *	static gboolean on_readable(GSocket *sock, GIOCondition cond, gpointer data)
 *	{
 *		g_socket_receive(sock, buf, n, NULL, &error);   (the socket said readable)
 *
 * A blocking entry with `ready_arg` names the object whose state decides;
 * the model's `readiness` entries name the calls that make the object
 * non-blocking (g_socket_set_blocking(sock, FALSE)) and the ones that
 * watch it (g_socket_create_source, `watches`). The call does not block
 * when its object is:
 *
 *   - the parameter, at the watch's `ready_param`, of the function a
 *     callback registration set on a source that a watch made (the
 *     registration's arguments include the watch's result, directly or
 *     through a field whose every store is it);
 *   - made non-blocking somewhere in the program: the same global or
 *     field (by its USR: every socket stored in that field), or, for a
 *     local or parameter, the same one in the same function;
 *   - watched in the same function, the try-then-wait shape: the code
 *     handles WOULD_BLOCK by making a source for the same object;
 *   - said ready by a test (`tests`) whose result is true where the call
 *     runs: `if (g_pollable_input_stream_is_readable (in)) read (in)`, or
 *     after `if (!...is_readable (in)) return;`;
 *   - a parameter of a static helper whose address is never taken, which
 *     every caller gives an object ready where it calls (by these rules,
 *     at most five helpers deep).
 *
 * Nothing here names an API; the glib model says which calls these are. */
#include "contexts_internal.h"

#include <string.h>

/* Two arguments name the same object: the same storage in one function,
 * or, across functions, the same global or field. */
static int same_object(int def_a, const struct sova_val *a, int def_b, const struct sova_val *b)
{
	if (a->kind == SOVA_VAL_FIELD || a->kind == SOVA_VAL_GLOBAL)
		return a->kind == b->kind && !a->element && !b->element && a->usr && b->usr &&
		       strcmp(a->usr, b->usr) == 0;
	if (def_a != def_b || a->kind == SOVA_VAL_UNKNOWN || a->kind == SOVA_VAL_CALL || a->kind == SOVA_VAL_INT)
		return 0;
	return sova_val_same_access(a, b);
}

/* The readiness entry a call matches (its "when" holding), or NULL. */
static const struct sova_api_fn *readiness_of(const struct sova_engine *e, int def, int call)
{
	return sova_engine_api(e, def, call, SOVA_API_READINESS);
}

/* Some call makes `object` (in def's terms) non-blocking: anywhere in the
 * program for a global or field, in def for a local or parameter; or, with
 * watch set, def itself watches it (it handles WOULD_BLOCK). */
static int object_handled(const struct sova_engine *e, int def, const struct sova_val *object, int watch)
{
	int shared = object->kind == SOVA_VAL_FIELD || object->kind == SOVA_VAL_GLOBAL;
	for (size_t i = 0; i < e->nreadiness_calls; i++) {
		const struct sova_caller *rc = &e->readiness_calls[i];
		const struct sova_api_fn *r = readiness_of(e, rc->def, rc->call);
		if (((watch || !shared) && rc->def != def) || (r->watches != 0) != watch || r->tests)
			continue;
		const struct sova_val *v = sova_engine_resolved_arg(e, rc->def, rc->call, r->object_arg);
		if (v && same_object(rc->def, v, def, object))
			return 1;
	}
	return 0;
}

/* The watch entry that made argument i of the call on every path: kept
 * in a field whose every store is that watch's result (xdg-dbus-proxy's
 * `side->in_source = g_socket_create_source (...)`), or NULL. */
static const struct sova_api_fn *stored_watch(const struct sova_engine *e, int def, const struct sova_call *c, size_t i)
{
	for (size_t k = 0; k < e->models->nfns; k++) {
		const struct sova_api_fn *r = &e->models->fns[k];
		if (r->role == SOVA_API_READINESS && r->watches &&
		    sova_arg_made_by(e, def, c, (long)i, &r->function, 1))
			return r;
	}
	return NULL;
}

/* The call at (def, call) has an argument made by a watch; its entry, or NULL. */
static const struct sova_api_fn *watched_source_arg(const struct sova_engine *e, int def, int call)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (size_t i = 0; i < c->nargs; i++) {
		int made = sova_engine_result_of(e, def, &c->args[i]);
		const struct sova_api_fn *r = made >= 0 ? readiness_of(e, def, made) : NULL;
		if (r && r->watches)
			return r;
		if (c->args[i].kind == SOVA_VAL_FIELD && (r = stored_watch(e, def, c, i)) != NULL)
			return r;
	}
	return NULL;
}

/* `object` is def's parameter that a watched source's callback receives
 * the ready object at: def is registered on a source a watch made. */
static int ready_parameter(const struct sova_engine *e, int def, const struct sova_val *object)
{
	if (!sova_engine_is_param_of(e, def, object) || object->element || object->path)
		return 0;
	int sym = e->prog->defs[def].sym;
	for (int k = e->first_entry[sym]; k >= 0; k = e->next_entry[k]) {
		const struct sova_entry *entry = &e->entries[k];
		const struct sova_api_fn *watch = entry->def >= 0 ? watched_source_arg(e, entry->def, entry->call) : NULL;
		if (watch && watch->ready_param == object->num)
			return 1;
	}
	return 0;
}

/* A value through the checked casts a model names (G_INPUT_STREAM (in)
 * is g_type_check_instance_cast of in): the object itself. */
static const struct sova_val *uncast(const struct sova_engine *e, int def, const struct sova_val *v)
{
	for (int hops = 0; v && v->kind == SOVA_VAL_CALL && hops < 4; hops++) {
		const struct sova_api_fn *cast = sova_engine_api(e, def, (int)v->num, SOVA_API_CAST);
		if (!cast)
			break;
		v = sova_engine_resolved_arg(e, def, (int)v->num, cast->returns_arg);
	}
	return v;
}

static int object_ready(const struct sova_engine *e, int def, const struct sova_val *object, int depth);
static int tested_ready(const struct sova_engine *e, int def, int call, const struct sova_val *object);

/* `object` is a parameter of a static function whose address is never
 * taken, and every caller passes there an object that is ready where it
 * calls: xdg-dbus-proxy's side_in_cb hands the socket its source said
 * readable to buffer_read, which receives from it (flatpak-proxy.c:2971). */
static int ready_from_every_caller(const struct sova_engine *e, int def, const struct sova_val *object, int depth)
{
	size_t ncallers;
	const struct sova_caller *callers = sova_engine_known_callers(e, def, &ncallers);
	if (depth > 4 || object->element || object->path || object->num < 0 ||
	    !sova_engine_is_param_of(e, def, object) || !callers)
		return 0;
	for (size_t i = 0; i < ncallers; i++) {
		const struct sova_caller *c = &callers[i];
		const struct sova_call *call = sova_engine_call(e, c->def, c->call);
		const struct sova_val *arg = call->callee_usr && (size_t)object->num < call->nargs
						     ? uncast(e, c->def, sova_engine_resolved_arg(e, c->def, c->call, (int)object->num))
						     : NULL;
		if (!arg || !(object_ready(e, c->def, arg, depth + 1) || tested_ready(e, c->def, c->call, arg)))
			return 0;
	}
	return 1;
}

static int object_ready(const struct sova_engine *e, int def, const struct sova_val *object, int depth)
{
	return ready_parameter(e, def, object) || object_handled(e, def, object, 0) ||
	       object_handled(e, def, object, 1) || ready_from_every_caller(e, def, object, depth);
}

/* A test of readiness on the same object holds where the call runs: one
 * of its guards is such a test, true there. */
static int tested_ready(const struct sova_engine *e, int def, int call, const struct sova_val *object)
{
	const struct sova_call *c = sova_engine_call(e, def, call);
	for (size_t i = 0; i < c->nguards; i++) {
		if (!sova_guard_true(c->guards[i]))
			continue;
		int test = sova_guard_call(c->guards[i]);
		const struct sova_api_fn *r = readiness_of(e, def, test);
		const struct sova_val *v = r && r->tests ? uncast(e, def, sova_engine_resolved_arg(e, def, test, r->object_arg))
						       : NULL;
		if (v && same_object(def, v, def, object))
			return 1;
	}
	return 0;
}

int sova_io_ready(const struct sova_engine *e, int def, int call, const struct sova_api_fn *io)
{
	if (io->ready_arg < 0)
		return 0;
	const struct sova_val *object = uncast(e, def, sova_engine_resolved_arg(e, def, call, io->ready_arg));
	return object && (object_ready(e, def, object, 0) || tested_ready(e, def, call, object));
}
