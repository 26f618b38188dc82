/* extract_fatal.c - calls made on a path that ends the process.
 *
 * `write(...) ... g_error("write failed")` blocks, if at all, while the
 * process is dying: g_error logs and then spins in `for (;;) ;`, and abort()
 * and exit() never return. Nothing that waits for the loop or the pool is
 * stalled by such a call, and a maintainer rejects the report. So a call's
 * `dies_at` says where the process ends when every path from the call, in
 * the block it is in, reaches a statement that never completes: a call to a
 * noreturn function (`__attribute__((noreturn))` or `_Noreturn`; dies_at is
 * that call's index + 1, since some noreturn functions end only a thread or
 * jump back to a setjmp, and the models say which), an empty endless loop
 * (`for (;;) ;`, SOVA_DIES_SPINNING), or a block, `do ... while (0)` or
 * if/else made of those. A call followed by a return, break, continue or
 * goto before that point may leave the block first: it does not die.
 *
 * The same walk finds the call a function's body ends with (sova_func's
 * ends_with): what a thread has done when its last act wakes another.
 *
 * Computed bottom-up as the walk leaves each node (extract.c), so every
 * node is looked at once whatever the nesting: each frame learns from its
 * children whether control can leave it early (`exits`) and where it ends
 * the process (`dies_at`). */
#include "extract_internal.h"

#include <string.h>

enum {
	EXIT_RETURN = 1,   /* return or goto: leaves every enclosing block */
	EXIT_BREAK = 2,    /* leaves the loop or switch it is in */
	EXIT_CONTINUE = 4, /* leaves the rest of the loop body */
	EXIT_GOTO = 8,     /* with EXIT_RETURN: a goto, which may also jump back */
};

/* Whether C11's _Noreturn (or <stdnoreturn.h>'s noreturn) is among the
 * specifiers before a declaration's name: libclang shows the keyword only
 * as an unexposed attribute, so its tokens are read. */
static int noreturn_keyword(CXCursor decl)
{
	if (!clang_Cursor_hasAttrs(decl))
		return 0;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(decl);
	CXSourceRange specifiers =
		clang_getRange(clang_getRangeStart(clang_getCursorExtent(decl)), clang_getCursorLocation(decl));
	CXToken *tokens = NULL;
	unsigned count = 0;
	clang_tokenize(tu, specifiers, &tokens, &count);
	int found = 0;
	for (unsigned i = 0; i < count && !found; i++) {
		if (clang_getTokenKind(tokens[i]) != CXToken_Keyword && clang_getTokenKind(tokens[i]) != CXToken_Identifier)
			continue;
		CXString s = clang_getTokenSpelling(tu, tokens[i]);
		const char *text = clang_getCString(s);
		found = text && (strcmp(text, "_Noreturn") == 0 || strcmp(text, "noreturn") == 0);
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tokens, count);
	return found;
}

/* Whether a function never returns: its type says noreturn (the GNU
 * attribute), or its first declaration carries C11's _Noreturn. */
static int noreturn_function(CXCursor decl)
{
	CXString type = clang_getTypeSpelling(clang_getCursorType(decl));
	const char *spelled = clang_getCString(type);
	int noreturn = spelled && strstr(spelled, "__attribute__((noreturn))") != NULL;
	clang_disposeString(type);
	return noreturn || noreturn_keyword(decl) || noreturn_keyword(clang_getCanonicalCursor(decl));
}

/* The callee of a direct call never returns; known once per declaration. */
static int call_never_returns(struct extractor *ex, CXCursor call)
{
	CXCursor decl = clang_getCursorReferenced(call);
	if (clang_getCursorKind(decl) != CXCursor_FunctionDecl)
		return 0;
	CXCursor key = decl;
	key.data[1] = decl.data[0]; /* the table keys on data[1]; a declaration's node is data[0] */
	if (!key.data[1])
		return noreturn_function(decl);
	int known = ext_node_table_get(&ex->noreturn_decls, key);
	if (known < 0) {
		known = noreturn_function(decl);
		ext_node_table_put(&ex->noreturn_decls, key, known);
	}
	return known;
}

/* A loop condition that is a nonzero constant: while (1), while (TRUE). */
static int always_true(CXCursor cond)
{
	struct sova_val v = ext_int_value(cond);
	return v.kind == SOVA_VAL_INT && v.num != 0;
}

/* An endless loop that does nothing: for (;;) ; or while (1) ;, what
 * g_error() ends in. A loop with a body is a server's main loop, not an
 * end. libclang leaves out a for's missing parts: a lone child is the body. */
static int empty_endless_loop(const struct frame *f)
{
	if (f->exits & (EXIT_RETURN | EXIT_BREAK))
		return 0;
	if (f->kind == CXCursor_ForStmt)
		return f->children == 1 && ext_is_kind(f->first, CXCursor_NullStmt);
	if (f->kind == CXCursor_WhileStmt)
		return f->children == 2 && always_true(f->first) && ext_is_kind(f->second, CXCursor_NullStmt);
	return 0;
}

/* Where the node f, whose children have all been left, ends the process
 * (a sova_call dies_at value), or 0 when it may complete. */
static int node_dies_at(const struct frame *f)
{
	switch (f->kind) {
	case CXCursor_CompoundStmt:
		return f->left_early ? 0 : f->dying_at;
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_LabelStmt:
	case CXCursor_DoStmt: /* do { ...; for (;;) ; } while (0) */
		return f->child_dies_at[1];
	case CXCursor_IfStmt:
		return f->child_dies_at[3] ? f->child_dies_at[2] : 0;
	default:
		return empty_endless_loop(f) ? SOVA_DIES_SPINNING : 0;
	}
}

void ext_fatal_enter(struct extractor *ex, struct frame *f)
{
	if (f->kind == CXCursor_ReturnStmt)
		f->exits = EXIT_RETURN;
	else if (f->kind == CXCursor_GotoStmt || f->kind == CXCursor_IndirectGotoStmt)
		f->exits = EXIT_RETURN | EXIT_GOTO;
	else if (f->kind == CXCursor_BreakStmt)
		f->exits = EXIT_BREAK;
	else if (f->kind == CXCursor_ContinueStmt)
		f->exits = EXIT_CONTINUE;
	else if (f->kind == CXCursor_CallExpr && ext_func(ex))
		f->noreturn_callee = call_never_returns(ex, f->cursor);
	else if (f->kind == CXCursor_CompoundStmt && ext_func(ex)) {
		f->live_from = ext_func(ex)->ncalls;
		f->is_body = ex->depth >= 2 && ex->stack[ex->depth - 2].opens_func;
	}
}

/* A child of a block has been left: it may leave the block early (exits:
 * what leaves the child and goes past it), or end the process; the calls
 * since the last early exit then die with it. */
static void block_child_left(struct frame *block, const struct frame *child, int exits, size_t ncalls)
{
	if (exits) {
		block->live_from = ncalls;
		block->left_early = block->left_early || !block->dying_at;
	} else if (child->dies_at && !block->dying_at) {
		block->dying_at = child->dies_at;
		block->dying_from = block->live_from;
	}
}

/* Nodes that only pass on the value of the expression they hold. */
static int is_wrapper(enum CXCursorKind kind)
{
	return kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr || kind == CXCursor_CStyleCastExpr;
}

/* A statement of a function's body has been left: a call statement with
 * no return or goto before it may be the body's last act; the body knows
 * once it is left whether a later statement called anything. */
static void body_child_left(struct frame *body, const struct frame *child, int exits)
{
	if (exits & EXIT_GOTO)
		body->gone_to = 1;
	if (child->call_stmt && !(body->exits & EXIT_RETURN))
		body->ends_with = child->call_stmt;
}

void ext_fatal_leave(struct extractor *ex, struct frame *f, struct frame *up)
{
	struct sova_func *fn = ext_func(ex);
	if (f->kind == CXCursor_CallExpr) {
		f->dies_at = f->noreturn_callee && fn ? (int)fn->ncalls : 0; /* its index + 1: leave_call recorded it */
		f->call_stmt = fn ? fn->ncalls : 0;
	} else {
		f->dies_at = node_dies_at(f);
	}
	if (f->is_body && fn)
		fn->ends_with = !f->gone_to && f->ends_with == fn->ncalls ? f->ends_with : 0;
	if (up && is_wrapper(up->kind))
		up->call_stmt = f->call_stmt;
	if (f->kind == CXCursor_CompoundStmt && f->dying_at && fn)
		for (size_t i = f->dying_from; i < fn->ncalls; i++)
			if (!fn->calls[i].dies_at)
				fn->calls[i].dies_at = f->dying_at;
	if (!up || f->opens_func)
		return;
	int exits = f->exits;
	if (ext_is_loop(f->kind))
		exits &= ~(EXIT_BREAK | EXIT_CONTINUE);
	else if (f->kind == CXCursor_SwitchStmt)
		exits &= ~EXIT_BREAK;
	if (up->kind == CXCursor_CompoundStmt && fn)
		block_child_left(up, f, exits, fn->ncalls);
	if (up->is_body)
		body_child_left(up, f, exits);
	up->exits |= exits;
	if (up->children < 4)
		up->child_dies_at[up->children] = f->dies_at;
}
