/* extract_order.c - where a call stands in its function's body: which of
 * the body's statements holds it, whether it runs whenever that statement
 * runs, the loop test around it, and how many statements the body begins
 * with that always complete.
 *
 * A thread-start handshake needs both sides of that order:
 *
 *	pthread_mutex_lock(&lock);
 *	if (pthread_create(&tid, NULL, crawler, NULL) != 0) { ...; return -1; }
 *	pthread_cond_wait(&started, &lock);
 *
 * The create runs on every path that reaches the wait (it is in the head
 * of an earlier statement of the body, and no goto may skip it), and in
 * crawler `pthread_mutex_lock(&lock); pthread_cond_signal(&started);` are
 * the first statements, which always complete. The wait then lasts one
 * thread start (memcached's start_item_crawler_thread). handshakes.c reads
 * these facts; nothing here names an API.
 *
 * A call in a while or do loop also records what the loop's test reads:
 * `while (!*result) g_main_context_iteration(ctx, TRUE);` waits for
 * whatever stores *result (loopwrappers.c).
 *
 * Computed from the walk's stack as each call is recorded, and bottom-up
 * as each statement of a body is left (extract.c), so every node is looked
 * at a bounded number of times. */
#include "extract_internal.h"

#include <string.h>

/* Whether the child the walk is in (its number `child`, from 1) of frame a
 * runs whenever a runs: an if's or switch's test, a while's test, an
 * operand before && or ||, a conditional's test; a block's children until
 * one may leave it. */
static int child_always_runs(struct extractor *ex, struct frame *a, int child)
{
	switch (a->kind) {
	case CXCursor_IfStmt:
	case CXCursor_SwitchStmt:
	case CXCursor_ConditionalOperator:
		return child == 1;
	case CXCursor_WhileStmt:
		return child == 1;
	case CXCursor_ForStmt:
	case CXCursor_DoStmt:
	case CXCursor_LabelStmt:
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
	case CXCursor_StmtExpr:
		return 0;
	case CXCursor_BinaryOperator: {
		const char *op = ext_frame_operator(ex, a);
		return child == 1 || (strcmp(op, "&&") != 0 && strcmp(op, "||") != 0);
	}
	case CXCursor_CompoundStmt:
		return !a->exits;
	default:
		return 1;
	}
}

/* The test of the innermost loop whose body the walk is in, when it is a
 * while or a do loop: a for's parts cannot be told apart through
 * libclang, and a call in a loop's own test is not in its body. */
static int innermost_loop_test(struct extractor *ex, size_t body, CXCursor *test)
{
	for (size_t i = ex->depth - 1; i-- > body + 1;) {
		const struct frame *f = &ex->stack[i];
		if (f->kind == CXCursor_WhileStmt && f->children == 2) {
			*test = f->first;
			return 1;
		}
		if (f->kind == CXCursor_DoStmt && f->children == 1) {
			struct child_list kids;
			ext_children(ex, f->cursor, &kids);
			int found = kids.count == 2;
			if (found)
				*test = kids.items[1];
			ext_children_free(&kids);
			return found;
		}
		if (ext_is_loop(f->kind))
			return 0;
	}
	return 0;
}

/* The storage an expression reads: variables, members, dereferences, not
 * looking into them; through operators and call arguments otherwise. */
static void collect_reads(struct extractor *ex, CXCursor c, struct sova_call *call, int depth)
{
	if (depth > 8 || call->nloop_reads >= SOVA_MAX_LOOP_READS)
		return;
	enum CXCursorKind kind = clang_getCursorKind(c);
	if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr ||
	    (kind == CXCursor_UnaryOperator && ext_first_char(ex, c) == '*')) {
		struct sova_val v = ext_value_of(ex, c);
		int storage = v.kind == SOVA_VAL_LOCAL || v.kind == SOVA_VAL_PARAM || v.kind == SOVA_VAL_GLOBAL ||
			      v.kind == SOVA_VAL_FIELD;
		for (size_t i = 0; storage && i < call->nloop_reads; i++)
			storage = !sova_val_same_access(&call->loop_reads[i], &v);
		if (storage) {
			if (!call->loop_reads)
				call->loop_reads = sova_xcalloc(SOVA_MAX_LOOP_READS, sizeof(*call->loop_reads));
			call->loop_reads[call->nloop_reads++] = v;
		}
		return;
	}
	struct child_list kids;
	ext_children(ex, c, &kids);
	for (size_t i = 0; i < kids.count; i++)
		collect_reads(ex, kids.items[i], call, depth + 1);
	ext_children_free(&kids);
}

void ext_order_call(struct extractor *ex, struct sova_call *call)
{
	/* The call's own frame is on top; the body is the nearest is_body. */
	size_t body = ex->depth;
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].is_body) {
			body = i;
			break;
		}
	if (body + 1 >= ex->depth)
		return;
	CXCursor test;
	if (innermost_loop_test(ex, body, &test))
		collect_reads(ex, test, call, 0);
	call->stmt = (unsigned)ex->stack[body].children;
	call->unconditional = 1;
	for (size_t i = body + 1; i + 1 < ex->depth && call->unconditional; i++)
		call->unconditional = child_always_runs(ex, &ex->stack[i], ex->stack[i].children);
}

void ext_order_leave(struct extractor *ex, struct frame *f, struct frame *up)
{
	struct sova_func *fn = ext_func(ex);
	if (ext_is_loop(f->kind))
		f->has_loop = 1;
	if (f->is_body && fn) {
		fn->plain_prefix = f->plain_prefix;
		fn->jumps = f->gone_to;
	}
	if (!up || f->opens_func)
		return;
	if (up->is_body && !up->prefix_ended) {
		if (f->exits || f->has_loop || f->kind == CXCursor_LabelStmt)
			up->prefix_ended = 1;
		else
			up->plain_prefix++;
	}
	up->has_loop |= f->has_loop;
}
