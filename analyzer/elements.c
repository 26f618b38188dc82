/* elements.c - what holds of the elements a function takes out of a list it filled.
 *
 * libsoup's async_run_queue (soup-session.c:1905-1926) collects the queue's
 * items with a visitor that keeps only async ones, then runs each:
 *
 *   static void collect(Item *item, GList **items) {
 *       if (!item->async) return;
 *       *items = g_list_prepend(*items, item);
 *   }
 *   g_queue_foreach(queue, (GFunc)collect, &items);
 *   for (i = items; i; i = g_list_next(i)) { Item *item = i->data; process(item); }
 *
 * so `process` sees item->async != 0, and its sync branch (`if
 * (item->async) return; g_cond_wait(...)`) cannot run there. The tests that
 * hold of an element are those every add into the list makes of it: the
 * conditions of each model "list_adds" call, on the element it adds. The
 * list (a local) may be filled only by such adds, by "visitors" whose
 * callback does nothing with the list but such adds, and be rewritten only
 * by "list_keeps" calls (g_list_reverse); the element read must come
 * through a cursor that starts at the list and follows the node type's
 * "next_field" ("list_records"). Anything else, and nothing is known.
 *
 * What it assumes: the tested field keeps its value from the add to the
 * use (the function using the list assigns no field on the path); like
 * the conditions of the tests around a call, it is a value on entry,
 * not a proof about other threads. */
#include <string.h>

#include "contexts_internal.h"

/* At most this many tests are kept per add: an element is rarely tested more. */
#define MAX_ELEMENT_CONDS 8

struct element_conds {
	struct sova_cond conds[MAX_ELEMENT_CONDS]; /* param 0 is the element */
	size_t n;
	int sites; /* the adds seen; 0: none */
};

static int is_local(const struct sova_val *v, const char *usr)
{
	return v->kind == SOVA_VAL_LOCAL && !v->element && !v->address && !v->path && strcmp(v->usr, usr) == 0;
}

static int assigns_local(const struct sova_assign *a, const char *usr)
{
	return a->target.kind == SOVA_VAL_LOCAL && !a->target.path && strcmp(a->target.usr, usr) == 0;
}

/* Whether def stores the local's address anywhere (`GList **p = &items`):
 * what is stored through it is not seen. */
static int address_stored(const struct sova_func *fn, const char *usr)
{
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_val *v = &fn->assigns[i].value;
		if (v->kind == SOVA_VAL_LOCAL && v->address && strcmp(v->usr, usr) == 0)
			return 1;
	}
	return 0;
}

/* The list record a field belongs to, as its element (element 1) or next field (0). */
static const struct sova_list_record *list_field(const struct sova_engine *e, const char *field_usr, int element)
{
	for (size_t i = 0; i < e->models->nlist_records; i++) {
		const struct sova_list_record *l = &e->models->list_records[i];
		if (sova_models_field_matches(field_usr, l->record, element ? l->element_field : l->next_field))
			return l;
	}
	return NULL;
}

/* A field read `base->field`: the local usr the path starts at, when the
 * access is one member of a local; NULL otherwise. */
static const char *field_of_local(const struct sova_val *v, const char **field)
{
	if (v->kind != SOVA_VAL_FIELD || !v->path || v->element || v->address)
		return NULL;
	const char *sep = strchr(v->path, SOVA_PATH_MEMBER);
	if (!sep || strchr(sep + 1, SOVA_PATH_MEMBER) || strchr(sep + 1, '['))
		return NULL;
	*field = sep + 1;
	return v->path;
}

static int path_starts_with(const char *path, const char *usr)
{
	size_t n = strlen(usr);
	return strncmp(path, usr, n) == 0 && path[n] == SOVA_PATH_MEMBER;
}

/* `cursor->next`, of the list record l, read from the cursor itself. */
static int is_next_of(const struct sova_engine *e, const struct sova_val *v, const char *cursor,
		      const struct sova_list_record *l)
{
	const char *field;
	const char *path = field_of_local(v, &field);
	return path && path_starts_with(path, cursor) && list_field(e, field, 0) == l;
}

/* A value a cursor over the list may take: the list, NULL, its own next
 * (`i = i->next`, or the `?:` local of g_list_next(i)), or what a
 * list_keeps call returns of the cursor. */
static int cursor_step(const struct sova_engine *e, int def, const struct sova_val *v, const char *cursor,
		       const char *list, const struct sova_list_record *l, int depth)
{
	if (v->kind == SOVA_VAL_INT && v->num == 0)
		return 1;
	if (is_local(v, list) || is_next_of(e, v, cursor, l))
		return 1;
	if (v->kind == SOVA_VAL_CALL) {
		const struct sova_api_fn *keep = sova_engine_api(e, def, (int)v->num, SOVA_API_LIST_KEEP);
		const struct sova_val *arg = keep ? sova_engine_arg(e, def, (int)v->num, keep->object_arg) : NULL;
		return arg && is_local(arg, cursor);
	}
	if (v->kind != SOVA_VAL_LOCAL || v->element || v->address || depth > 0)
		return 0;
	const struct sova_func *fn = e->prog->defs[def].fn;
	int any = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		if (!assigns_local(&fn->assigns[i], v->usr))
			continue;
		if (fn->assigns[i].target.element ||
		    !cursor_step(e, def, &fn->assigns[i].value, cursor, list, l, depth + 1))
			return 0;
		any = 1;
	}
	return any;
}

/* Whether every value of the local cursor walks the list local `list`. */
static int walks(const struct sova_engine *e, int def, const char *cursor, const char *list,
		 const struct sova_list_record *l)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	int from_list = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (!assigns_local(a, cursor))
			continue;
		if (a->target.element || !cursor_step(e, def, &a->value, cursor, list, l, 0))
			return 0;
		from_list |= is_local(&a->value, list);
	}
	return from_list;
}

/* Keeps, of what is known, only the tests the add at (def, call) makes of
 * its element, parameter `param` of def. */
static void meet(struct element_conds *known, const struct sova_call *add, int param)
{
	struct element_conds site = { .n = 0 };
	for (size_t i = 0; i < add->nconds && site.n < MAX_ELEMENT_CONDS; i++)
		if (add->conds[i].param == param) {
			site.conds[site.n] = add->conds[i];
			site.conds[site.n++].param = 0;
		}
	if (known->sites++ == 0) {
		*known = site;
		known->sites = 1;
		return;
	}
	size_t kept = 0;
	for (size_t i = 0; i < known->n; i++)
		for (size_t k = 0; k < site.n; k++)
			if (sova_cond_same(&known->conds[i], &site.conds[k])) {
				known->conds[kept++] = known->conds[i];
				break;
			}
	known->n = kept;
}

/* A visitor's callback, def: it may only add its element parameter into
 * the list its context parameter points to (`*items = g_list_prepend(*items,
 * item)`), and pass that pointer nowhere else. Returns 0 and meets its
 * adds' tests into known, or -1. */
static int collector(const struct sova_engine *e, int def, const struct sova_api_fn *visit,
		     struct element_conds *known)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (!sova_engine_is_param_of(e, def, &a->target) || a->target.num != visit->context_param)
			continue;
		if (!a->target.element || a->target.path || a->value.kind != SOVA_VAL_CALL ||
		    !sova_engine_api(e, def, (int)a->value.num, SOVA_API_LIST_ADD))
			return -1; /* the pointer itself changes, or the list gets something else */
	}
	for (size_t c = 0; c < fn->ncalls; c++) {
		const struct sova_call *call = &fn->calls[c];
		const struct sova_api_fn *add = sova_engine_api(e, def, (int)c, SOVA_API_LIST_ADD);
		for (size_t k = 0; k < call->nargs; k++) {
			const struct sova_val *arg = &call->args[k];
			if (!sova_engine_is_param_of(e, def, arg) || arg->num != visit->context_param)
				continue;
			if (!add || (long)k != add->object_arg || !arg->element || arg->path)
				return -1; /* the list goes somewhere that may add to it */
			const struct sova_val *element = sova_engine_arg(e, def, (int)c, add->element_arg);
			if (!element || !sova_engine_is_param_of(e, def, element) || element->num != visit->element_param ||
			    element->element || element->path)
				return -1;
			meet(known, call, (int)visit->element_param);
		}
	}
	return 0;
}

/* A call that takes the list's address: a visitor given it as its context
 * argument, with a callback whose one body is a collector. */
static int visited_into(const struct sova_engine *e, int def, int call, long arg, struct element_conds *known)
{
	const struct sova_api_fn *visit = sova_engine_api(e, def, call, SOVA_API_VISIT);
	if (!visit || arg != visit->context_arg)
		return -1;
	const struct sova_val *func = sova_engine_resolved_arg(e, def, call, visit->work_arg);
	if (!func || func->kind != SOVA_VAL_FUNC || func->element)
		return -1;
	int sym = sova_strmap_get(&e->prog->sym_by_usr, func->usr);
	if (sym < 0 || e->prog->syms[sym].ndefs != 1)
		return -1;
	return collector(e, e->prog->syms[sym].defs[0], visit, known);
}

/* The calls of def that are given the list: by address only visitors
 * (filling it through their callback), by value only list keeps (an add
 * made here, g_list_append(items, x), proves nothing of its element). */
static int list_calls(const struct sova_engine *e, int def, const char *list, struct element_conds *known)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t c = 0; c < fn->ncalls; c++) {
		const struct sova_call *call = &fn->calls[c];
		for (size_t k = 0; k < call->nargs; k++) {
			const struct sova_val *arg = &call->args[k];
			if (arg->kind != SOVA_VAL_LOCAL || strcmp(arg->usr, list) != 0)
				continue;
			if (arg->element || arg->path)
				return -1;
			if (arg->address) {
				if (visited_into(e, def, (int)c, (long)k, known) != 0)
					return -1;
				continue;
			}
			const struct sova_api_fn *keep = sova_engine_api(e, def, (int)c, SOVA_API_LIST_KEEP);
			if (!keep || (long)k != keep->object_arg)
				return -1;
		}
	}
	return 0;
}

/* What holds of every element the local `list` of def holds: its values
 * are NULL, what list_keeps calls return of it, and list_adds into it;
 * an add made in def itself proves nothing of its element here. */
static int list_elements(const struct sova_engine *e, int def, const char *list, struct element_conds *known)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (address_stored(fn, list))
		return -1;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (!assigns_local(a, list))
			continue;
		const struct sova_val *v = &a->value;
		if (a->target.element || (v->kind == SOVA_VAL_INT && v->num == 0))
			continue;
		if (v->kind != SOVA_VAL_CALL)
			return -1;
		const struct sova_api_fn *keep = sova_engine_api(e, def, (int)v->num, SOVA_API_LIST_KEEP);
		const struct sova_val *of = keep ? sova_engine_arg(e, def, (int)v->num, keep->object_arg) : NULL;
		if (!of || !is_local(of, list))
			return -1;
	}
	return list_calls(e, def, list, known);
}

/* The element read `cursor->data` that every value of the local v is. */
static const char *element_cursor(const struct sova_engine *e, int def, const struct sova_val *v,
				  const struct sova_list_record **record)
{
	if (v->kind != SOVA_VAL_LOCAL || v->element || v->address || v->path)
		return NULL;
	const struct sova_func *fn = e->prog->defs[def].fn;
	if (sova_func_passes_address(fn, v) || address_stored(fn, v->usr))
		return NULL;
	const char *cursor = NULL;
	size_t cursor_len = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (!assigns_local(a, v->usr))
			continue;
		const char *field;
		const char *path = a->target.element ? NULL : field_of_local(&a->value, &field);
		const struct sova_list_record *l = path ? list_field(e, field, 1) : NULL;
		size_t len = path ? (size_t)(field - 1 - path) : 0;
		if (!l || (cursor && (len != cursor_len || strncmp(cursor, path, len) != 0 || l != *record)))
			return NULL;
		cursor = path;
		cursor_len = len;
		*record = l;
	}
	return cursor;
}

/* A local only ever set to the cursor's next or NULL: the `?:` that
 * g_list_next(i) expands to. */
static int next_temp(const struct sova_engine *e, int def, const char *local, const char *cursor,
		     const struct sova_list_record *l)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	int any = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		if (!assigns_local(a, local))
			continue;
		const struct sova_val *v = &a->value;
		if (a->target.element || !((v->kind == SOVA_VAL_INT && v->num == 0) || is_next_of(e, v, cursor, l)))
			return 0;
		any = 1;
	}
	return any;
}

/* The list local a cursor walks: the local among its values that is not
 * a step to the next node. */
static const char *walked_list(const struct sova_engine *e, int def, const char *cursor,
			       const struct sova_list_record *l)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		const struct sova_val *v = &a->value;
		if (assigns_local(a, cursor) && v->kind == SOVA_VAL_LOCAL && !v->element && !v->address && !v->path &&
		    !next_temp(e, def, v->usr, cursor, l))
			return v->usr;
	}
	return NULL;
}

/* Whether def assigns a field on the path, in any object. */
static int changes_path(const struct sova_engine *e, int def, const char *path)
{
	const struct sova_func *fn = e->prog->defs[def].fn;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_val *t = &fn->assigns[i].target;
		if (t->kind == SOVA_VAL_FIELD && sova_path_has_field(path, t->usr))
			return 1;
	}
	return 0;
}

unsigned char *sova_find_element_readers(const struct sova_engine *e)
{
	if (!e->models->nlist_records)
		return NULL;
	unsigned char *reads = sova_xcalloc(e->prog->ndefs + 1, 1);
	for (size_t d = 0; d < e->prog->ndefs; d++) {
		const struct sova_func *fn = e->prog->defs[d].fn;
		for (size_t i = 0; i < fn->nassigns && !reads[d]; i++) {
			const char *field;
			if (field_of_local(&fn->assigns[i].value, &field) && list_field(e, field, 1))
				reads[d] = 1;
		}
	}
	return reads;
}

struct sova_bound sova_element_bound(const struct sova_engine *e, int def, int call, int arg, const char *path)
{
	struct sova_bound unknown = { SOVA_BOUND_UNKNOWN, 0 };
	if (!e->reads_elements || !e->reads_elements[def] || !path)
		return unknown;
	const struct sova_val *v = sova_engine_arg(e, def, call, arg);
	const struct sova_list_record *record = NULL;
	const char *cursor_path = v ? element_cursor(e, def, v, &record) : NULL;
	if (!cursor_path || changes_path(e, def, path))
		return unknown;
	char cursor[512];
	size_t len = (size_t)(strchr(cursor_path, SOVA_PATH_MEMBER) - cursor_path);
	if (len >= sizeof(cursor))
		return unknown;
	memcpy(cursor, cursor_path, len);
	cursor[len] = '\0';
	const char *list = walked_list(e, def, cursor, record);
	struct element_conds known = { .n = 0 };
	if (!list || !walks(e, def, cursor, list, record) || list_elements(e, def, list, &known) != 0 ||
	    !known.sites)
		return unknown;
	return sova_conds_bind(known.conds, known.n, 0, path);
}
