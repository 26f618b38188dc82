/* extract_stores.c - constants stored into an argument's fields just
 * before a call: `it->state = DONE; process(it);` makes process's tests of
 * it->state see DONE (sova_call's arg_conds).
 *
 * A block keeps the constants its statements stored into a field of a
 * local or parameter (`v->f = K;`, `s.f = K;`, each a statement of the
 * block) until one of its statements makes a call, which may change any
 * object. A later store to the same field of any object, or a store to
 * the variable itself (or to a pointer variable through its address),
 * forgets them. A call takes
 * the stores of each block around it whose current statement has made no
 * call before it (its own arguments' included), unless a loop or a label
 * lies between that block and the call: the loop's next pass, or a jump
 * to the label, need not have passed the store. A function with a goto
 * keeps none (a jump may skip any store). */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

static int is_block(const struct frame *f)
{
	return f->kind == CXCursor_CompoundStmt;
}

/* The frames of the function being extracted, from its own up. */
static size_t function_start(const struct extractor *ex)
{
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].opens_func)
			return i;
	return ex->depth;
}

void ext_stores_next_stmt(struct extractor *ex, struct frame *block)
{
	const struct sova_func *fn = ext_func(ex);
	if (!fn || !is_block(block))
		return;
	if (fn->ncalls > block->calls_at_stmt)
		block->nstores = 0; /* the statement just left made a call */
	block->calls_at_stmt = fn->ncalls;
}

/* The variable a store's base names, and whether it is a pointer to the
 * struct (it->f) or the struct itself (s.f); 0 when it is no local or
 * parameter of the function. */
static int store_base(struct extractor *ex, CXCursor base, struct sova_val *out, int *through_pointer)
{
	if (!ext_is_kind(base, CXCursor_DeclRefExpr))
		return 0;
	CXCursor decl = clang_getCursorReferenced(base);
	if (!ext_is_kind(decl, CXCursor_ParmDecl) && !ext_is_kind(decl, CXCursor_VarDecl))
		return 0;
	struct sova_val v = ext_value_of_decl(ex, decl);
	if (v.kind != SOVA_VAL_LOCAL && v.kind != SOVA_VAL_PARAM)
		return 0;
	CXType type = clang_getCanonicalType(clang_getCursorType(decl));
	*through_pointer = type.kind == CXType_Pointer;
	if (!*through_pointer && type.kind != CXType_Record)
		return 0;
	*out = v;
	return 1;
}

void ext_stores_note(struct extractor *ex, struct frame *block, CXCursor lhs, long value)
{
	if (!ext_func(ex) || !is_block(block))
		return;
	CXCursor base;
	char *path = ext_member_path(ex, ext_peeled(ex, lhs), &base);
	struct pending_store store = { .value = value };
	if (path && store_base(ex, ext_peeled(ex, base), &store.base, &store.through_pointer)) {
		store.path = ext_str(ex, path);
		SOVA_PUSH(block->stores, block->nstores, block->capstores, store);
	}
	free(path);
}

static int same_variable(const struct sova_val *a, const struct sova_val *b)
{
	if (a->kind != b->kind)
		return 0;
	return a->kind == SOVA_VAL_PARAM ? a->num == b->num : strcmp(a->usr, b->usr) == 0;
}

/* Whether a path ("\x1fF1\x1fF2") holds field F. */
static int any_pending(const struct extractor *ex)
{
	for (size_t i = function_start(ex); i < ex->depth; i++)
		if (ex->stack[i].nstores)
			return 1;
	return 0;
}

void ext_stores_forget(struct extractor *ex, CXCursor ref, const struct frame *up)
{
	if (!any_pending(ex)) /* most writes: nothing to forget */
		return;
	const char *field = NULL;
	struct sova_val var = { .kind = SOVA_VAL_UNKNOWN };
	int through_pointer;
	if (ext_is_kind(ref, CXCursor_MemberRefExpr))
		field = ext_usr(ex, clang_getCursorReferenced(ref));
	else if (!store_base(ex, ref, &var, &through_pointer))
		return;
	/* &s, a struct passed by address, changes no field by itself: what is
	 * done through the pointer is a store to a field, or a call. &p lets
	 * *pp = q change the pointer. */
	if (!field && !through_pointer && up->kind == CXCursor_UnaryOperator && ext_first_char(ex, up->cursor) == '&')
		return;
	for (size_t i = function_start(ex); i < ex->depth; i++) {
		struct frame *f = &ex->stack[i];
		size_t kept = 0;
		for (size_t k = 0; k < f->nstores; k++) {
			const struct pending_store *s = &f->stores[k];
			int changed = field ? sova_path_has_field(s->path, field) : same_variable(&s->base, &var);
			if (!changed)
				f->stores[kept++] = *s;
		}
		f->nstores = kept;
	}
}

static int has_arg_field(const struct sova_call *call, int arg, const char *path)
{
	for (size_t i = 0; i < call->narg_conds; i++)
		if (call->arg_conds[i].param == arg && call->arg_conds[i].path && strcmp(call->arg_conds[i].path, path) == 0)
			return 1;
	return 0;
}

void ext_arg_cond_add(struct sova_call *call, const struct sova_cond *cond)
{
	for (size_t i = 0; i < call->narg_conds; i++)
		if (sova_cond_same(&call->arg_conds[i], cond))
			return;
	call->arg_conds = sova_xrealloc(call->arg_conds, call->narg_conds + 1, sizeof(*call->arg_conds));
	call->arg_conds[call->narg_conds++] = *cond;
}

/* Whether argument v is the variable a store was into, passed as the
 * callee's pointer to the struct: it (a pointer) or &s (a struct). */
static int passes(const struct sova_val *v, const struct pending_store *s)
{
	if (v->element || v->path || !same_variable(v, &s->base))
		return 0;
	return s->through_pointer ? !v->address : v->address;
}

static void take_stores(const struct frame *block, struct sova_call *call)
{
	for (size_t k = block->nstores; k-- > 0;) { /* the latest store of a field first */
		const struct pending_store *s = &block->stores[k];
		for (size_t a = 0; a < call->nargs; a++) {
			if (!passes(&call->args[a], s) || has_arg_field(call, (int)a, s->path))
				continue;
			struct sova_cond known = { (int)a, s->path, 1, s->value, 0, SOVA_COND_EQUALS };
			ext_arg_cond_add(call, &known);
		}
	}
}

void ext_stores_call(struct extractor *ex, struct sova_call *call)
{
	const struct sova_func *fn = ext_func(ex);
	/* The call's own frame is on top. From it outwards, until a loop or a label. */
	for (size_t i = ex->depth - 1; fn && i-- > function_start(ex);) {
		const struct frame *f = &ex->stack[i];
		if (ext_is_loop(f->kind) ||
		    f->kind == CXCursor_LabelStmt || f->kind == CXCursor_CaseStmt || f->kind == CXCursor_DefaultStmt ||
		    f->opens_func)
			break;
		if (is_block(f) && f->nstores && f->calls_at_stmt == fn->ncalls)
			take_stores(f, call);
	}
}

void ext_stores_close(struct sova_func *fn)
{
	for (size_t c = 0; fn->jumps && c < fn->ncalls; c++)
		fn->calls[c].narg_conds = 0;
}
