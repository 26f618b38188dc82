/* extract_entry.c - tests of a parameter's fields that still say what the
 * field was on entry although the function assigns it (sova_call's
 * entry_conds).
 *
 * A test of it->state that the function's own stores may change is
 * dropped from conds (extract_conds.c): a later call must not be taken to
 * see the value tested. But the test itself read the value on entry when
 * no store to the field comes before it: on the first pass of the loops
 * around it, every store after it is yet to run. So the call runs only
 * if the test held on entry, or a loop around it whose body stores the
 * field ran again:
 *
 *     do {
 *         switch (it->state) {
 *         case START: connect(it); break;     // it->state == START on entry,
 *         ...                                 //   or loop != 0
 *         case DONE: it->state = FREED; return;
 *         }
 *     } while (loop && it->state != FREED);
 *
 * A loop runs again only while its test holds: each test of a parameter
 * or unassigned field that the loop's test implies gives one pair (the
 * field's test, or that one). A store before the test, a store in two
 * nested loops around it, a for loop (whose test libclang does not tell
 * apart from its other parts), a goto in the function, or more loops
 * than ENTRY_MAX_LOOPS, and the test says nothing. */
#include "extract_internal.h"

#include <stdlib.h>
#include <string.h>

static int param_assigned(int param, const struct frame *f)
{
	for (size_t k = 0; k < f->nwritten; k++)
		if (f->written[k] == param)
			return 1;
	for (size_t k = 0; k < f->ncleared; k++)
		if (f->cleared[k] == param)
			return 1;
	return 0;
}

/* The loop around the test whose body stores the field after it, -1 when
 * none does; -2 when the test says nothing on entry (a store before it,
 * or in two of the loops). */
static int storing_loop(const struct entry_test *t, const struct frame *f)
{
	int found = -1;
	for (size_t k = 0; k < f->nwritten_fields; k++) {
		if (!sova_path_has_field(t->cond.path, f->written_fields[k]))
			continue;
		unsigned at = f->written_at[k];
		if (at < t->test_end)
			return -2;
		for (int l = 0; l < t->nloops; l++) {
			if (at < t->loops[l].from || at >= t->loops[l].to)
				continue;
			if (found >= 0 && found != l)
				return -2;
			found = l;
		}
	}
	return found;
}

static void add_pair(struct sova_call *call, const struct sova_cond *a, const struct sova_cond *b)
{
	for (size_t i = 0; i < call->nentry_conds; i++)
		if (sova_cond_same(&call->entry_conds[i].a, a) && sova_cond_same(&call->entry_conds[i].b, b))
			return;
	call->entry_conds = sova_xrealloc(call->entry_conds, call->nentry_conds + 1, sizeof(*call->entry_conds));
	call->entry_conds[call->nentry_conds++] = (struct sova_either){ *a, *b };
}

/* The pairs of a test and what its loop's running again implies. */
static void add_loop_pairs(struct extractor *ex, struct sova_call *call, const struct entry_test *t,
			   const struct entry_loop *loop, const struct frame *f)
{
	enum CXCursorKind kind = clang_getCursorKind(loop->loop);
	if (kind != CXCursor_WhileStmt && kind != CXCursor_DoStmt)
		return;
	CXCursor test = ext_child_at(ex, loop->loop, kind == CXCursor_WhileStmt ? 0 : 1);
	if (clang_Cursor_isNull(test))
		return;
	struct held again = { 0 };
	ext_condition_implies(ex, test, 1, &again);
	for (size_t i = 0; i < again.nconds; i++)
		if (!ext_cond_written(&again.conds[i], f))
			add_pair(call, &t->cond, &again.conds[i]);
	ext_held_free(&again);
}

/* The eithers around each call whose two tests the function never changes. */
static void add_either_pairs(struct sova_func *fn, const struct frame *f)
{
	for (size_t i = 0; i < f->npending_eithers; i++) {
		const struct pending_either *p = &f->pending_eithers[i];
		if (p->call < fn->ncalls && !ext_cond_written(&p->either.a, f) && !ext_cond_written(&p->either.b, f))
			add_pair(&fn->calls[p->call], &p->either.a, &p->either.b);
	}
}

void ext_entry_close(struct extractor *ex, struct sova_func *fn, const struct frame *f)
{
	add_either_pairs(fn, f);
	for (size_t i = 0; !fn->jumps && i < f->nentry_tests; i++) {
		const struct entry_test *t = &f->entry_tests[i];
		if (t->nloops < 0 || t->call >= fn->ncalls || !ext_cond_written(&t->cond, f) ||
		    param_assigned(t->cond.param, f))
			continue;
		int loop = storing_loop(t, f);
		if (loop == -1)
			add_pair(&fn->calls[t->call], &t->cond, &t->cond);
		else if (loop >= 0)
			add_loop_pairs(ex, &fn->calls[t->call], t, &t->loops[loop], f);
	}
}
