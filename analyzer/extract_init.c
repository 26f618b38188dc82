/* extract_init.c - the assignments an initializer list makes.
 *
 * Handled top-down from the outermost list, with an explicit work list, so
 * that a nested list knows what it initializes: a struct field (which may be
 * an array of callbacks), or an element of the variable being defined. The
 * position of a positional initializer continues after the last designated
 * one, as in C: { .close = c, flush_fn } puts flush_fn in the field after close. */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

struct pending_list {
	CXCursor list;
	struct sova_val owner; /* what the list initializes: a variable, or a field holding a struct or array */
};

struct field_list {
	CXCursor *items;
	size_t count, cap;
};

static enum CXVisitorResult collect_field(CXCursor c, CXClientData data)
{
	struct field_list *fields = data;
	SOVA_PUSH(fields->items, fields->count, fields->cap, c);
	return CXVisit_Continue;
}

static size_t field_index(const struct field_list *fields, CXCursor field)
{
	for (size_t i = 0; i < fields->count; i++)
		if (clang_equalCursors(fields->items[i], field))
			return i;
	return fields->count;
}

/* A designated initializer (.f = v, [i] = v) is an expression with the
 * designators and the value as children; an implicit cast has one child. */
static int designated(const struct extractor *ex, CXCursor init, CXCursor *field, int *has_field, CXCursor *value)
{
	if (!ext_is_kind(init, CXCursor_UnexposedExpr))
		return 0;
	struct child_list kids;
	ext_children(ex, init, &kids);
	int is = kids.count >= 2 && kids.last_expr >= 0;
	*has_field = 0;
	for (size_t i = 0; is && i < kids.count; i++) {
		if (ext_is_kind(kids.items[i], CXCursor_MemberRef)) {
			*field = clang_getCursorReferenced(kids.items[i]);
			*has_field = 1;
		}
	}
	if (is)
		*value = kids.items[kids.last_expr];
	ext_children_free(&kids);
	return is;
}

struct init_walk {
	struct extractor *ex;
	struct pending_list *pending;
	size_t npending, cappending;
};

/* The abstract member (sova_val.member) of field in object, when object is
 * a variable, an element of one, or a member of either; else NULL. */
static const char *member_in(struct extractor *ex, const struct sova_val *object, const char *field)
{
	const char *base = NULL;
	if (object->kind == SOVA_VAL_FIELD)
		base = object->member;
	else if ((object->kind == SOVA_VAL_GLOBAL || object->kind == SOVA_VAL_LOCAL) && !object->path &&
		 !object->address)
		base = object->usr;
	if (!base || !field)
		return NULL;
	return sova_strpool_printf(&ex->facts->strings, "%s%s%c%s", base, object->element ? "[]" : "",
				   SOVA_PATH_MEMBER, field);
}

/* One initializer stored into target, a field of object: a nested list waits
 * its turn, a value is assigned. */
static void store(struct init_walk *w, CXCursor value, struct sova_val target, const struct sova_val *object)
{
	if (object && target.kind == SOVA_VAL_FIELD && !target.member)
		target.member = member_in(w->ex, object, target.usr);
	if (ext_is_kind(value, CXCursor_InitListExpr)) {
		/* The nested list initializes target as a member of object: its
		 * path says so, so that a wait on the object knows it holds target. */
		if (object && target.kind == SOVA_VAL_FIELD && !target.path) {
			const char *base = object->path ? object->path : object->usr;
			if (base)
				target.path = sova_strpool_printf(&w->ex->facts->strings, "%s%c%s", base, SOVA_PATH_MEMBER,
								  target.usr);
		}
		struct pending_list next = { value, target };
		SOVA_PUSH(w->pending, w->npending, w->cappending, next);
		return;
	}
	struct sova_val owner = { .kind = SOVA_VAL_UNKNOWN };
	if (object && object->kind != SOVA_VAL_UNKNOWN)
		owner = *object;
	ext_add_assign(w->ex, target, ext_value_of(w->ex, value), owner);
}

static void record_list(struct init_walk *w, CXCursor list, const struct child_list *kids, const struct sova_val *owner)
{
	struct field_list fields = { NULL, 0, 0 };
	clang_Type_visitFields(clang_getCanonicalType(clang_getCursorType(list)), collect_field, &fields);
	size_t next = 0;
	for (size_t i = 0; i < kids->count; i++) {
		CXCursor init = kids->items[i], field, value = init;
		int has_field = 0;
		if (designated(w->ex, init, &field, &has_field, &value) && has_field)
			next = field_index(&fields, field);
		if (!clang_isExpression(clang_getCursorKind(value)) || next >= fields.count) {
			next++;
			continue;
		}
		store(w, value, ext_value_of_decl(w->ex, fields.items[next++]), owner);
	}
	free(fields.items);
}

static void array_list(struct init_walk *w, const struct child_list *kids, const struct sova_val *owner)
{
	for (size_t i = 0; i < kids->count; i++) {
		CXCursor init = kids->items[i], field, value = init;
		int has_field = 0;
		designated(w->ex, init, &field, &has_field, &value);
		if (!clang_isExpression(clang_getCursorKind(value)))
			continue;
		struct sova_val target = { .kind = SOVA_VAL_UNKNOWN };
		if (owner->kind != SOVA_VAL_UNKNOWN) {
			target = *owner;
			target.element = 1;
		}
		if (ext_is_kind(value, CXCursor_InitListExpr) || target.kind != SOVA_VAL_UNKNOWN)
			store(w, value, target, NULL);
	}
}

void ext_init_list(struct extractor *ex, CXCursor list, const struct sova_val *owner)
{
	struct init_walk w = { ex, NULL, 0, 0 };
	struct pending_list first = { list, { .kind = SOVA_VAL_UNKNOWN } };
	if (owner)
		first.owner = *owner;
	SOVA_PUSH(w.pending, w.npending, w.cappending, first);
	while (w.npending) {
		struct pending_list item = w.pending[--w.npending];
		CXType type = clang_getCanonicalType(clang_getCursorType(item.list));
		if (ext_plain_data_array(type))
			continue;
		struct child_list kids;
		ext_children(ex, item.list, &kids);
		if (type.kind == CXType_Record)
			record_list(&w, item.list, &kids, &item.owner);
		else if (type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray)
			array_list(&w, &kids, &item.owner);
		ext_children_free(&kids);
	}
	free(w.pending);
}
