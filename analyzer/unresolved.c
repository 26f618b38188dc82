/* unresolved.c - stage 5: calls through objects found at run time, which sova cannot resolve.
 *
 * Function pointers are resolved by field: a call through iface->init may
 * reach every function ever stored into an init field. That is right for
 * a table the program fills and reads (an HTTP server's handlers), and
 * wrong for dispatch through an object a type system hands out at run
 * time: in GLib, G_INITABLE_GET_IFACE(obj)->init is the init of obj's own
 * class, yet by field it is the init of every class in the program, and a
 * chain through it runs from a GSubprocess into GDBusConnection's code.
 *
 * A model names where such objects come from: functions that return one
 * (g_type_interface_peek) and fields that hold one (GTypeInstance.g_class).
 * A call through a member of such an object, or through a value taken
 * from one, is unresolved: the object behind it cannot be determined. The
 * value is followed through the function's locals (every assignment), its
 * parameters (what every caller passes), the program's globals (every
 * assignment: a parent_class set from g_type_class_peek_parent), the
 * returns of the functions it calls (a GET_CLASS helper) and the results
 * of calls that are themselves unresolved (klass->get_vtable(obj)->method). Chains through an
 * unresolved call are not reported unless the user asks. */
#include "contexts_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_DEPTH 8

struct tracer {
	const struct sova_engine *e;
	unsigned char **unresolved; /* filled so far */
	struct sova_strmap global_first; /* a global's USR -> its first assignment in a function */
	int *global_next;                /* per program assignment: the next one to the same global, or -1 */
	/* What is known so far, so that each local, parameter and global is
	 * traced once: "L:def:usr", "P:def:param" or "G:usr" -> 1 + the answer
	 * (1 while tracing, which breaks cycles). */
	struct sova_strmap memo;
};

static int runtime_value(struct tracer *t, int def, const struct sova_val *v, int depth);

/* A lookup field whose model applies in the TU. */
static int lookup_field(const struct sova_engine *e, int def, const char *field_usr)
{
	const struct sova_models *m = e->models;
	int tu = e->prog->defs[def].tu;
	for (size_t i = 0; i < m->nlookup_fields; i++) {
		const struct sova_lookup_field *f = &m->lookup_fields[i];
		if (e->active[(size_t)tu * m->nmodels + (size_t)f->model] &&
		    sova_models_field_matches(field_usr, f->record, f->field))
			return 1;
	}
	return 0;
}

/* An access path reads a lookup field at some member: obj->g_class->finalize. */
static int path_reads_lookup(const struct sova_engine *e, int def, const char *path)
{
	for (const char *at = path ? strchr(path, SOVA_PATH_MEMBER) : NULL; at; at = strchr(at + 1, SOVA_PATH_MEMBER)) {
		const char *end = strchr(at + 1, SOVA_PATH_MEMBER);
		size_t n = end ? (size_t)(end - at - 1) : strlen(at + 1);
		char *field = sova_xmalloc(n + 1);
		memcpy(field, at + 1, n);
		field[n] = '\0';
		int found = lookup_field(e, def, field);
		free(field);
		if (found)
			return 1;
	}
	return 0;
}

/* Any value assigned to a variable is a run-time object. */
static int local_runtime(struct tracer *t, int def, const char *usr, int depth)
{
	char *key = sova_xasprintf("L:%d:%s", def, usr);
	int known = sova_strmap_get(&t->memo, key);
	int found = known - 1 > 0;
	if (known < 0) {
		sova_strmap_put(&t->memo, key, 1);
		const struct sova_func *fn = t->e->prog->defs[def].fn;
		for (size_t i = 0; i < fn->nassigns && !found; i++) {
			const struct sova_assign *a = &fn->assigns[i];
			found = a->target.kind == SOVA_VAL_LOCAL && !a->target.path && strcmp(a->target.usr, usr) == 0 &&
				runtime_value(t, def, &a->value, depth + 1);
		}
		sova_strmap_put(&t->memo, key, 1 + found);
	}
	free(key);
	return found;
}

static int global_runtime(struct tracer *t, const char *usr, int depth)
{
	const struct sova_program *prog = t->e->prog;
	char *key = sova_xasprintf("G:%s", usr);
	int known = sova_strmap_get(&t->memo, key);
	int found = known - 1 > 0;
	if (known < 0) {
		sova_strmap_put(&t->memo, key, 1);
		for (int i = sova_strmap_get(&t->global_first, usr); i >= 0 && !found; i = t->global_next[i])
			found = runtime_value(t, prog->assigns[i].def, &prog->assigns[i].assign->value, depth + 1);
		sova_strmap_put(&t->memo, key, 1 + found);
	}
	free(key);
	return found;
}

/* Chains each global's assignments made in functions (file-scope
 * initializers hold constants and addresses, never a lookup's result). */
static void index_globals(struct tracer *t)
{
	const struct sova_program *prog = t->e->prog;
	sova_strmap_init(&t->global_first);
	t->global_next = sova_xmalloc((prog->nassigns + 1) * sizeof(int));
	for (size_t i = prog->nassigns; i-- > 0;) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		t->global_next[i] = -1;
		if (pa->def < 0 || pa->assign->target.kind != SOVA_VAL_GLOBAL || pa->assign->target.path)
			continue;
		t->global_next[i] = sova_strmap_get(&t->global_first, pa->assign->target.usr);
		sova_strmap_put(&t->global_first, pa->assign->target.usr, (int)i);
	}
}

/* Some caller passes an object found at run time for parameter `param`:
 * g_object_new_internal(class, ...) gets the class g_type_class_peek_static
 * found. */
static int param_runtime(struct tracer *t, int def, int param, int depth)
{
	const struct sova_engine *e = t->e;
	char key[48];
	snprintf(key, sizeof(key), "P:%d:%d", def, param);
	int known = sova_strmap_get(&t->memo, key);
	if (known >= 0)
		return known - 1 > 0;
	sova_strmap_put(&t->memo, key, 1);
	int found = 0;
	for (size_t k = 0; k < e->ncallers[def] && !found; k++) {
		const struct sova_caller *c = &e->callers[def][k];
		const struct sova_val *arg = sova_engine_arg(e, c->def, c->call, param);
		found = arg && runtime_value(t, c->def, arg, depth + 1);
	}
	sova_strmap_put(&t->memo, key, 1 + found);
	return found;
}

/* The USR an access path starts from, when it names a variable of def. */
static int path_base_runtime(struct tracer *t, int def, const char *path, int depth)
{
	const char *end = path ? strchr(path, SOVA_PATH_MEMBER) : NULL;
	if (!end || end == path)
		return 0;
	size_t n = (size_t)(end - path);
	char *base = sova_xmalloc(n + 1);
	memcpy(base, path, n);
	base[n] = '\0';
	int found = local_runtime(t, def, base, depth) || global_runtime(t, base, depth);
	free(base);
	return found;
}

/* A call returns an object found at run time: a lookup, an unresolved
 * call, or a function some of whose returns are such (a GET_CLASS helper). */
static int call_runtime(struct tracer *t, int def, long call, int depth)
{
	const struct sova_func *fn = t->e->prog->defs[def].fn;
	if (call < 0 || (size_t)call >= fn->ncalls)
		return 0;
	if (sova_engine_api(t->e, def, (int)call, SOVA_API_LOOKUP) || (t->unresolved[def] && t->unresolved[def][call]))
		return 1;
	for (const int *s = t->e->prog->defs[def].targets[call]; fn->calls[call].callee_usr && *s >= 0; s++) {
		const struct sova_sym *sym = &t->e->prog->syms[*s];
		for (size_t k = 0; k < sym->ndefs; k++) {
			const struct sova_func *callee = t->e->prog->defs[sym->defs[k]].fn;
			for (size_t r = 0; r < callee->nreturns; r++)
				if (runtime_value(t, sym->defs[k], &callee->returns[r], depth + 1))
					return 1;
		}
	}
	return 0;
}

/* A value found at run time: a lookup's result, a lookup field, a member
 * of either, or a variable assigned one. */
static int runtime_value(struct tracer *t, int def, const struct sova_val *v, int depth)
{
	if (depth > MAX_DEPTH)
		return 0;
	switch (v->kind) {
	case SOVA_VAL_CALL:
		return call_runtime(t, def, v->num, depth);
	case SOVA_VAL_FIELD:
		return lookup_field(t->e, def, v->usr) || path_reads_lookup(t->e, def, v->path) ||
		       path_base_runtime(t, def, v->path, depth);
	case SOVA_VAL_LOCAL:
		return !v->path && local_runtime(t, def, v->usr, depth);
	case SOVA_VAL_GLOBAL:
		return !v->path && global_runtime(t, v->usr, depth);
	case SOVA_VAL_PARAM:
		return !v->path && param_runtime(t, def, (int)v->num, depth);
	default:
		return 0;
	}
}

static int call_unresolved(struct tracer *t, int def, int call)
{
	const struct sova_call *c = sova_engine_call(t->e, def, call);
	if (c->callee_usr)
		return 0;
	return runtime_value(t, def, &c->callee, 0) || runtime_value(t, def, &c->callee_object, 0);
}

unsigned char **sova_find_unresolved(const struct sova_engine *e)
{
	const struct sova_program *prog = e->prog;
	struct tracer t = { e, sova_xcalloc(prog->ndefs + 1, sizeof(unsigned char *)), { 0 }, NULL, { 0 } };
	if (!e->models->nlookup_fields && !sova_models_has_role(e->models, SOVA_API_LOOKUP))
		return t.unresolved;
	index_globals(&t);
	sova_strmap_init(&t.memo);
	for (size_t d = 0; d < prog->ndefs; d++) {
		size_t ncalls = prog->defs[d].fn->ncalls;
		t.unresolved[d] = sova_xcalloc(ncalls + 1, 1);
		/* In order: a call's object is made by an earlier call. */
		for (size_t c = 0; c < ncalls; c++)
			t.unresolved[d][c] = (unsigned char)call_unresolved(&t, (int)d, (int)c);
	}
	sova_strmap_free(&t.global_first);
	sova_strmap_free(&t.memo);
	free(t.global_next);
	return t.unresolved;
}

void sova_unresolved_free(unsigned char **unresolved, size_t ndefs)
{
	for (size_t d = 0; unresolved && d < ndefs; d++)
		free(unresolved[d]);
	free(unresolved);
}
