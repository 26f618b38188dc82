/* extract_labels.c - what a label does to the tests that hold around it.
 *
 * The conditions of a call (extract_conds.c) are what held on the way to
 * it: the tests of the if branches it is in, and what the early returns
 * before it in its blocks left holding. Control may also come to a label
 * from elsewhere. A case or default comes from its switch, past every
 * block and branch between them. A goto label comes from its gotos: a
 * branch keeps its test when every goto to the label is inside the branch
 * (the test held when they ran, as tests are of values on entry); a block
 * keeps what its early returns left holding when every goto is inside it
 * and after the label (a retry loop, `again: ... goto again;`), which went
 * through the label's own way in, unless a label that other gotos go to
 * lies in between. Anything else, `goto out;` from before, or a computed
 * goto in the function, loses them. */
#include "extract_internal.h"

static enum CXChildVisitResult find_gotos(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct function_gotos *g = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	if (kind == CXCursor_IndirectGotoStmt) {
		g->computed = 1;
	} else if (kind == CXCursor_GotoStmt) {
		/* Cursors found two ways differ in their parent: a label is known by where it is. */
		struct goto_site site = { ext_offset_of(clang_getCursorLocation(clang_getCursorReferenced(c))),
					  ext_offset_of(clang_getCursorLocation(c)) };
		SOVA_PUSH(g->sites, g->count, g->cap, site);
	}
	return CXChildVisit_Recurse;
}

/* Whether every goto to the label at label_at is inside c's extent and,
 * with after_label, after the label, with no other label that a goto goes
 * to in between (control could come to that one from anywhere). */
static int gotos_inside(const struct function_gotos *g, unsigned label_at, CXCursor c, int after_label)
{
	if (g->computed)
		return 0;
	CXSourceRange extent = clang_getCursorExtent(c);
	unsigned from = ext_offset_of(clang_getRangeStart(extent)), to = ext_offset_of(clang_getRangeEnd(extent));
	unsigned last = label_at;
	for (size_t i = 0; i < g->count; i++) {
		unsigned at = g->sites[i].offset;
		if (g->sites[i].label_at != label_at)
			continue;
		if (at < from || at > to || (after_label && at < label_at))
			return 0;
		last = at > last ? at : last;
	}
	for (size_t i = 0; i < g->count && after_label; i++)
		if (g->sites[i].label_at > label_at && g->sites[i].label_at < last)
			return 0;
	return 1;
}

/* The frames from the top down to the function's (a goto label) or the
 * switch's (a case or default) lose what the label's ways in bypass. */
void ext_enter_label(struct extractor *ex, CXCursor c)
{
	int is_goto_label = ext_is_kind(c, CXCursor_LabelStmt);
	size_t fn = ex->depth;
	while (fn-- > 0 && !ex->stack[fn].opens_func)
		;
	if (fn >= ex->depth)
		return;
	struct function_gotos *gotos = &ex->stack[fn].gotos;
	unsigned label_at = ext_offset_of(clang_getCursorLocation(c));
	if (is_goto_label && !gotos->read) {
		clang_visitChildren(ex->stack[fn].cursor, find_gotos, gotos);
		gotos->read = 1;
	}
	for (size_t i = ex->depth; i-- > fn + 1;) {
		struct frame *f = &ex->stack[i];
		if (!is_goto_label && f->kind == CXCursor_SwitchStmt)
			break;
		int compound = f->kind == CXCursor_CompoundStmt;
		/* A branch keeps its test when the gotos are in it: the child being walked. */
		CXCursor within = compound ? f->cursor : i + 1 < ex->depth ? ex->stack[i + 1].cursor : c;
		if (is_goto_label && gotos_inside(gotos, label_at, within, compound))
			continue;
		ext_held_free(&f->after);
		/* A block's own held is a switch body's, which reads its labels itself. */
		if (!compound)
			f->entered_sideways = 1;
	}
}
