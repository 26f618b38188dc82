/* extract_order.c - where a call stands in its function's body: which of
 * the body's statements holds it, whether it runs whenever that statement
 * runs, and how many statements the body begins with that always complete.
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
 * Computed from the walk's stack as each call is recorded, and bottom-up
 * as each statement of a body is left (extract.c), so every node is looked
 * at a bounded number of times. */
#include "extract_internal.h"

#include <string.h>

static int is_loop_kind(enum CXCursorKind kind)
{
	return kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt || kind == CXCursor_DoStmt;
}

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
	call->stmt = (unsigned)ex->stack[body].children;
	call->unconditional = 1;
	for (size_t i = body + 1; i + 1 < ex->depth && call->unconditional; i++)
		call->unconditional = child_always_runs(ex, &ex->stack[i], ex->stack[i].children);
}

void ext_order_leave(struct extractor *ex, struct frame *f, struct frame *up)
{
	struct sova_func *fn = ext_func(ex);
	if (is_loop_kind(f->kind))
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
