/* extract_switch.c - which case labels of a switch reach a statement of its body.
 *
 * In `switch (mode) { case A: ... }` a statement that only the labels in a
 * set R reach runs only when mode's value is in R (extract_conds.c makes
 * the tests). The labels that reach a statement of the switch's body are
 * found backwards from it: every label above it, up to a statement that
 * cannot fall through (break, return, continue, goto, or a block ending in
 * one).
 *
 * What keeps it sound: a switch that a label could enter other than at the
 * top of its body (a case or default nested under an if or a loop of the
 * body, Duff's device), a goto label among its statements, or a case that
 * is no integer constant (a GNU range, `case 1 ... 5`) says nothing of any
 * of its statements. */
#include "extract_internal.h"

/* Whether c is a case or default label. */
static int is_label(CXCursor c)
{
	return ext_is_kind(c, CXCursor_CaseStmt) || ext_is_kind(c, CXCursor_DefaultStmt);
}

/* The last child of c (a label's statement), or a null cursor. */
static CXCursor last_child(const struct extractor *ex, CXCursor c)
{
	struct child_list kids;
	ext_children(ex, c, &kids);
	CXCursor last = kids.count > 0 ? kids.items[kids.count - 1] : clang_getNullCursor();
	ext_children_free(&kids);
	return last;
}

/* The statement under a chain of stacked labels (case A: case B: stmt). */
static CXCursor under_labels(const struct extractor *ex, CXCursor c)
{
	while (is_label(c))
		c = last_child(ex, c);
	return c;
}

/* Stops the visit at a label that enters the switch below its top level. */
static enum CXChildVisitResult find_nested_label(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (ext_is_kind(c, CXCursor_SwitchStmt))
		return CXChildVisit_Continue; /* its labels are its own */
	if (is_label(c) || ext_is_kind(c, CXCursor_LabelStmt)) {
		*(int *)data = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static int has_nested_label(CXCursor stmt)
{
	int found = 0;
	clang_visitChildren(stmt, find_nested_label, &found);
	return found;
}

/* Adds the value of label c (a case; a default adds nothing) to out;
 * returns 0 when it is no single integer constant. */
static int label_value(const struct extractor *ex, CXCursor c, struct switch_labels *out)
{
	if (ext_is_kind(c, CXCursor_DefaultStmt))
		return 1;
	struct child_list kids;
	ext_children(ex, c, &kids);
	struct sova_val v = kids.count == 2 ? ext_int_value(kids.items[0]) : (struct sova_val){ 0 };
	ext_children_free(&kids);
	if (v.kind != SOVA_VAL_INT)
		return 0; /* a GNU range has three children */
	SOVA_PUSH(out->values, out->nvalues, out->capvalues, v.num);
	return 1;
}

/* Collects the labels of a top-level statement of the body: its chain of
 * stacked labels; returns 0 when one is no integer constant, or a label
 * sits deeper in the statement. */
static int statement_labels(const struct extractor *ex, CXCursor stmt, struct switch_labels *out)
{
	CXCursor c = stmt;
	for (; is_label(c); c = last_child(ex, c))
		if (!label_value(ex, c, out))
			return 0;
	return !clang_Cursor_isNull(c) && !ext_is_kind(c, CXCursor_LabelStmt) && !has_nested_label(c);
}

/* Reads all the switch's labels, once per switch. */
static void read_switch(struct extractor *ex, struct frame *sw, CXCursor body)
{
	struct switch_labels *s = &sw->labels;
	s->read = 1;
	if (!ext_is_kind(body, CXCursor_CompoundStmt))
		return;
	struct child_list kids;
	ext_children(ex, body, &kids);
	int ok = 1;
	for (size_t i = 0; i < kids.count && ok; i++)
		ok = ext_is_kind(kids.items[i], CXCursor_LabelStmt) ? 0 : statement_labels(ex, kids.items[i], s);
	ext_children_free(&kids);
	s->usable = ok;
}

/* The labels that reach the body's statement `at` into reach; returns 0
 * when none does (a statement no label reaches, dead code). */
static int reaching_labels(const struct extractor *ex, const struct child_list *kids, size_t at,
			   struct switch_labels *reach)
{
	int any = 0;
	for (size_t j = at + 1; j-- > 0;) {
		CXCursor stmt = kids->items[j];
		if (j < at && ext_stmt_leaves(ex, under_labels(ex, stmt), 1))
			break;
		if (is_label(stmt)) {
			any = 1;
			for (CXCursor c = stmt; is_label(c); c = last_child(ex, c)) {
				reach->has_default |= ext_is_kind(c, CXCursor_DefaultStmt);
				label_value(ex, c, reach);
			}
		}
	}
	return any;
}

int ext_switch_reach(struct extractor *ex, struct frame *sw, struct frame *body, struct switch_labels *reach)
{
	if (!sw->labels.read)
		read_switch(ex, sw, body->cursor);
	if (!sw->labels.usable || body->children < 1)
		return 0;
	struct child_list kids;
	ext_children(ex, body->cursor, &kids);
	size_t at = (size_t)body->children - 1;
	int any = at < kids.count && reaching_labels(ex, &kids, at, reach);
	ext_children_free(&kids);
	return any;
}
