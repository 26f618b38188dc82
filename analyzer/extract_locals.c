/* extract_locals.c - what a function does to its local variables, so that
 * a test of a local can say something (extract_conds.c).
 *
 * Each write to a local is kept with where it is: an initializer or a
 * plain `l = v` (with the cursor of v, or of the assignment), or anything else that may change it
 * (`l++`, `l += n`, `&l`, which lets a callee change it later). Two uses:
 *
 *  - A local with one plain write so far, `wme = TAILQ_FIRST(&wp->modes)`,
 *    holds that value: a test of it is a test of the value. When the
 *    value reads a parameter, the test is kept as one of the parameter,
 *    provisionally: the function must have no other write to the local,
 *    anywhere (ext_locals_close drops the test otherwise).
 *  - A test of a local holds at a later call that passes the local when
 *    nothing wrote the local in between, and no write took its address
 *    before the call (ext_local_unchanged). */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

static struct frame *function_frame(struct extractor *ex)
{
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].opens_func)
			return &ex->stack[i];
	return NULL;
}

/* The USR of the local variable a reference names, or NULL: automatic
 * storage only (a static local keeps values between calls). */
const char *ext_local_named(struct extractor *ex, CXCursor ref)
{
	if (!ext_is_kind(ref, CXCursor_DeclRefExpr))
		return NULL;
	CXCursor decl = clang_getCursorReferenced(ref);
	if (!ext_is_kind(decl, CXCursor_VarDecl))
		return NULL;
	struct sova_val v = ext_value_of_decl(ex, decl); /* known once per declaration */
	if (v.kind != SOVA_VAL_LOCAL || clang_getCursorLinkage(decl) != CXLinkage_NoLinkage ||
	    clang_Cursor_getStorageClass(decl) == CX_SC_Static)
		return NULL;
	return v.usr;
}

static void note(struct extractor *ex, const char *usr, unsigned at, CXCursor value, int plain, int initializer)
{
	struct frame *fn = function_frame(ex);
	if (!fn || !usr)
		return;
	struct local_write w = { usr, at, value, plain, initializer };
	SOVA_PUSH(fn->local_writes, fn->nlocal_writes, fn->caplocal_writes, w);
}

void ext_locals_note_write(struct extractor *ex, CXCursor ref, const struct frame *up)
{
	const char *usr = ext_local_named(ex, ref);
	if (!usr)
		return;
	/* The left side of a binary operator, as an lvalue: `l = v` (or, in
	 * odd code, `l, v`). Its operator is read only if a test asks for the
	 * value (ext_local_value): finding it reads tokens. */
	int plain = up->kind == CXCursor_BinaryOperator && up->children == 1;
	note(ex, usr, ext_offset_of(clang_getCursorLocation(ref)), plain ? up->cursor : clang_getNullCursor(), plain, 0);
}

void ext_locals_note_init(struct extractor *ex, CXCursor decl, CXCursor init)
{
	struct sova_val v = ext_value_of_decl(ex, decl);
	if (v.kind == SOVA_VAL_LOCAL && clang_getCursorLinkage(decl) == CXLinkage_NoLinkage &&
	    clang_Cursor_getStorageClass(decl) != CX_SC_Static)
		note(ex, v.usr, ext_offset_of(clang_getCursorLocation(decl)), init, 1, 1);
}

int ext_local_value(struct extractor *ex, const char *usr, CXCursor *value)
{
	struct frame *fn = function_frame(ex);
	const struct local_write *only = NULL;
	for (size_t i = 0; fn && i < fn->nlocal_writes; i++) {
		if (strcmp(fn->local_writes[i].usr, usr) != 0)
			continue;
		if (only || !fn->local_writes[i].plain)
			return 0;
		only = &fn->local_writes[i];
	}
	if (!only)
		return 0;
	*value = only->value;
	if (only->initializer)
		return 1;
	char op[8];
	ext_binary_operator(ex, only->value, op, sizeof(op));
	*value = ext_child_at(ex, only->value, 1);
	return strcmp(op, "=") == 0 && !clang_Cursor_isNull(*value);
}

int ext_local_unchanged(struct extractor *ex, const char *usr, unsigned from, unsigned to)
{
	struct frame *fn = function_frame(ex);
	for (size_t i = 0; fn && i < fn->nlocal_writes; i++) {
		const struct local_write *w = &fn->local_writes[i];
		if (strcmp(w->usr, usr) != 0)
			continue;
		if ((w->at >= from && w->at < to) || (!w->plain && w->at < to))
			return 0;
	}
	return 1;
}

void ext_locals_provisional(struct extractor *ex, const char *usr, const struct sova_cond *cond)
{
	struct frame *fn = function_frame(ex);
	if (!fn)
		return;
	struct provisional_cond p = { usr, *cond };
	SOVA_PUSH(fn->provisional, fn->nprovisional, fn->capprovisional, p);
}

/* Whether the local's one plain write, seen when its test was made, is
 * still its only write in the whole function. */
static int written_once(const struct frame *f, const char *usr)
{
	int n = 0;
	for (size_t i = 0; i < f->nlocal_writes; i++)
		if (strcmp(f->local_writes[i].usr, usr) == 0 && (n++ || !f->local_writes[i].plain))
			return 0;
	return n == 1;
}

static int dropped(const struct frame *f, const struct sova_cond *cond)
{
	for (size_t i = 0; i < f->nprovisional; i++)
		if (sova_cond_same(&f->provisional[i].cond, cond) && !written_once(f, f->provisional[i].local))
			return 1;
	return 0;
}

void ext_locals_close(struct sova_func *fn, struct frame *f)
{
	if (!f->nprovisional)
		return;
	size_t kept_tests = 0;
	for (size_t i = 0; i < f->nentry_tests; i++)
		if (!dropped(f, &f->entry_tests[i].cond))
			f->entry_tests[kept_tests++] = f->entry_tests[i];
	f->nentry_tests = kept_tests;
	size_t kept_eithers = 0;
	for (size_t i = 0; i < f->npending_eithers; i++)
		if (!dropped(f, &f->pending_eithers[i].either.a) && !dropped(f, &f->pending_eithers[i].either.b))
			f->pending_eithers[kept_eithers++] = f->pending_eithers[i];
	f->npending_eithers = kept_eithers;
	for (size_t c = 0; c < fn->ncalls; c++) {
		struct sova_call *call = &fn->calls[c];
		size_t kept = 0;
		for (size_t i = 0; i < call->nconds; i++)
			if (!dropped(f, &call->conds[i]))
				call->conds[kept++] = call->conds[i];
		call->nconds = kept;
	}
}
