/* executor.c - what kind of executor a value names: a bounded pool, a
 * serial executor or an event loop, from the constructors (a model's
 * "executors") whose result is stored where the value reads, through
 * locals, parameters (each caller's argument), globals, fields and
 * out-parameters. workers.c asks it where a callback runs, selfwait.c
 * whether a wait on one's own executor deadlocks. */
#include "contexts_internal.h"

#include <string.h>

#include "util.h"

#define MAX_KIND_DEPTH 4

struct kinds {
	int serial, pool, loop;
};

static void kind_of(const struct sova_engine *e, int def, const struct sova_val *val, int depth, struct kinds *k);

static void add_kind(struct kinds *k, enum sova_exec_kind kind)
{
	k->serial |= kind == SOVA_EXEC_SERIAL;
	k->pool |= kind == SOVA_EXEC_POOL;
	k->loop |= kind == SOVA_EXEC_LOOP;
}

/* The kind a constructor call makes, which may depend on an argument. */
static enum sova_exec_kind constructed_kind(const struct sova_engine *e, int def, int call)
{
	const struct sova_api_fn *api = sova_engine_api(e, def, call, SOVA_API_EXECUTOR);
	if (!api)
		return SOVA_EXEC_UNKNOWN;
	if (api->kind_when.arg >= 0 && sova_engine_when_holds(e, def, &api->kind_when, call))
		return api->kind_if;
	return api->kind;
}

/* Constructors that hand the executor back through an out-parameter: &me. */
static void kind_of_out_args(const struct sova_engine *e, const struct sova_val *val, struct kinds *k)
{
	for (size_t d = 0; d < e->prog->ndefs; d++) {
		for (size_t c = 0; c < e->prog->defs[d].fn->ncalls; c++) {
			const struct sova_api_fn *api = sova_engine_api(e, (int)d, (int)c, SOVA_API_EXECUTOR);
			const struct sova_val *out = api ? sova_engine_arg(e, (int)d, (int)c, api->out_arg) : NULL;
			if (out && sova_val_same(out, val))
				add_kind(k, constructed_kind(e, (int)d, (int)c));
		}
	}
}

static void kind_of_storage(const struct sova_engine *e, const struct sova_val *val, int depth, struct kinds *k)
{
	const struct sova_program *prog = e->prog;
	for (size_t i = 0; i < prog->nassigns; i++) {
		const struct sova_prog_assign *pa = &prog->assigns[i];
		if (pa->def >= 0 && sova_val_same(&pa->assign->target, val))
			kind_of(e, pa->def, &pa->assign->value, depth + 1, k);
	}
	kind_of_out_args(e, val, k);
}

static void kind_of(const struct sova_engine *e, int def, const struct sova_val *val, int depth, struct kinds *k)
{
	if (depth > MAX_KIND_DEPTH)
		return;
	val = sova_engine_resolve(e, def, val);
	if (val->kind == SOVA_VAL_CALL && def >= 0) {
		add_kind(k, constructed_kind(e, def, (int)val->num));
	} else if (val->kind == SOVA_VAL_GLOBAL || val->kind == SOVA_VAL_FIELD || val->kind == SOVA_VAL_LOCAL) {
		kind_of_storage(e, val, depth, k);
	} else if (def >= 0 && sova_engine_is_param_of(e, def, val)) {
		for (size_t i = 0; i < e->ncallers[def]; i++) {
			const struct sova_caller *c = &e->callers[def][i];
			const struct sova_val *arg = sova_engine_arg(e, c->def, c->call, val->num);
			if (arg)
				kind_of(e, c->def, arg, depth + 1, k);
		}
	}
}

static enum sova_exec_kind kind_from(const struct kinds *k)
{
	if (k->pool)
		return SOVA_EXEC_POOL;
	if (k->serial)
		return SOVA_EXEC_SERIAL;
	return k->loop ? SOVA_EXEC_LOOP : SOVA_EXEC_UNKNOWN;
}

/* Serial or a loop when every constructor found makes one; a pool when any
 * does. A global's or a field's kind is the same everywhere: it is found once
 * (the search reads every assignment of the program) and remembered. */
enum sova_exec_kind sova_executor_kind(const struct sova_engine *e, int def, const struct sova_val *val)
{
	const struct sova_val *v = sova_engine_resolve(e, def, val);
	char key[1024];
	int storage = (v->kind == SOVA_VAL_GLOBAL || v->kind == SOVA_VAL_FIELD) && sova_val_slot_key(v, key, sizeof(key));
	/* The memo is the engine's own cache: filling it changes no answer. */
	struct sova_strmap *memo = e->kind_memo;
	int known = storage ? sova_strmap_get(memo, key) : -1;
	if (known >= 0)
		return (enum sova_exec_kind)known;
	struct kinds k = { 0, 0, 0 };
	kind_of(e, def, val, 0, &k);
	enum sova_exec_kind kind = kind_from(&k);
	if (kind == SOVA_EXEC_UNKNOWN)
		kind = sova_engine_implicit_kind(e, v);
	if (storage)
		sova_strmap_put(memo, key, (int)kind);
	return kind;
}
