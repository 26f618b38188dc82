/* extract_values.c - what an expression denotes, as far as sova tracks values.
 *
 * A value is a function, a variable, a parameter, a struct field, the result
 * of a call or an integer constant. Casts, parentheses, & and * are peeled
 * in a loop; an assignment denotes what it assigns; a conditional expression
 * becomes a temporary that both of its branches are assigned to, so the
 * slots downstream see both possibilities. */
#include "extract_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NESTED_CONDITIONALS 8
#define MAX_PEEL 4096

char *ext_take_string(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = sova_xstrdup(c ? c : "");
	clang_disposeString(s);
	return copy;
}

const char *ext_str(struct extractor *ex, const char *s)
{
	return sova_strpool_add(&ex->facts->strings, s);
}

const char *ext_cxstr(struct extractor *ex, CXString s)
{
	const char *c = clang_getCString(s);
	const char *kept = ext_str(ex, c ? c : "");
	clang_disposeString(s);
	return kept;
}

int ext_pointer_like(CXCursor c)
{
	switch (clang_getCanonicalType(clang_getCursorType(c)).kind) {
	case CXType_Pointer:
	case CXType_BlockPointer:
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray:
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
		return 1;
	default:
		return 0;
	}
}

int ext_lvalue_form(CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	return kind == CXCursor_MemberRefExpr || kind == CXCursor_DeclRefExpr || kind == CXCursor_ArraySubscriptExpr ||
	       kind == CXCursor_ParenExpr || kind == CXCursor_UnaryOperator;
}

int ext_is_kind(CXCursor c, enum CXCursorKind kind)
{
	return clang_getCursorKind(c) == kind;
}

/* ---- children ---- */

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct child_list *list = data;
	if (clang_isExpression(clang_getCursorKind(c)))
		list->last_expr = (int)list->count;
	SOVA_PUSH(list->items, list->count, list->cap, c);
	return CXChildVisit_Continue;
}

/* The node an expression or statement cursor stands for (data[1]). A
 * declaration cursor's data[1] is a flag, not a node: none is remembered. */
static const void *recent_key(CXCursor c)
{
	int stmt = (c.kind >= CXCursor_FirstExpr && c.kind <= CXCursor_LastExpr) ||
		   (c.kind >= CXCursor_FirstStmt && c.kind <= CXCursor_LastStmt);
	return stmt ? c.data[1] : NULL;
}

static size_t recent_slot(const void *node)
{
	uint64_t h = (uint64_t)(uintptr_t)node * 0x9E3779B97F4A7C15ULL;
	return (size_t)(h >> 32) & (RECENT_NODES - 1);
}

void ext_remember_children(struct extractor *ex, const struct frame *f)
{
	const void *node = recent_key(f->cursor);
	if (!node || !ex->recent)
		return;
	struct recent_node *r = &ex->recent[recent_slot(node)];
	r->node = node;
	r->count = f->children;
	r->first = f->first;
	r->second = f->second;
	r->last_expr = f->last_expr;
	r->last_expr_index = f->last_expr_index;
}

/* What the walk remembers of c's children, or NULL. */
static const struct recent_node *recent_children(const struct extractor *ex, CXCursor c)
{
	const void *node = recent_key(c);
	if (!node || !ex->recent)
		return NULL;
	const struct recent_node *r = &ex->recent[recent_slot(node)];
	return r->node == node ? r : NULL;
}

void ext_children(const struct extractor *ex, CXCursor c, struct child_list *out)
{
	memset(out, 0, sizeof(*out));
	out->last_expr = -1;
	const struct recent_node *r = recent_children(ex, c);
	if (r && r->count <= 2) {
		out->count = out->cap = (size_t)r->count;
		out->items = r->count ? sova_xcalloc((size_t)r->count, sizeof(*out->items)) : NULL;
		if (r->count > 0)
			out->items[0] = r->first;
		if (r->count > 1)
			out->items[1] = r->second;
		out->last_expr = r->last_expr_index;
		return;
	}
	clang_visitChildren(c, collect_child, out);
}

int ext_stmt_leaves(const struct extractor *ex, CXCursor stmt, int goto_leaves)
{
	enum CXCursorKind kind = clang_getCursorKind(stmt);
	if (kind == CXCursor_ReturnStmt || kind == CXCursor_BreakStmt || kind == CXCursor_ContinueStmt ||
	    (goto_leaves && kind == CXCursor_GotoStmt))
		return 1;
	if (kind != CXCursor_CompoundStmt)
		return 0;
	struct child_list kids;
	ext_children(ex, stmt, &kids);
	int leaves = kids.count > 0 && ext_stmt_leaves(ex, kids.items[kids.count - 1], goto_leaves);
	ext_children_free(&kids);
	return leaves;
}

void ext_children_free(struct child_list *list)
{
	free(list->items);
	memset(list, 0, sizeof(*list));
}

struct child_pick {
	size_t want; /* child_at: the index wanted */
	size_t seen;
	int found;
	CXCursor child;
};

static enum CXChildVisitResult pick_last_expr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct child_pick *pick = data;
	if (clang_isExpression(clang_getCursorKind(c))) {
		pick->child = c;
		pick->found = 1;
	}
	return CXChildVisit_Continue;
}

/* The one expression a wrapper (cast, parentheses, unary operator) wraps. */
int ext_wrapped_expr(const struct extractor *ex, CXCursor c, CXCursor *out)
{
	const struct recent_node *r = recent_children(ex, c);
	if (r) {
		if (r->last_expr_index >= 0)
			*out = r->last_expr;
		return r->last_expr_index >= 0;
	}
	struct child_pick pick = { 0 };
	clang_visitChildren(c, pick_last_expr, &pick);
	if (pick.found)
		*out = pick.child;
	return pick.found;
}

static enum CXChildVisitResult pick_nth(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct child_pick *pick = data;
	if (pick->seen++ < pick->want)
		return CXChildVisit_Continue;
	pick->child = c;
	pick->found = 1;
	return CXChildVisit_Break;
}

/* The n-th child, or a null cursor. */
CXCursor ext_child_at(const struct extractor *ex, CXCursor c, size_t n)
{
	const struct recent_node *r = recent_children(ex, c);
	if (r && n < 2)
		return (int)n < r->count ? (n == 0 ? r->first : r->second) : clang_getNullCursor();
	if (r && (int)n >= r->count)
		return clang_getNullCursor();
	struct child_pick pick = { .want = n };
	clang_visitChildren(c, pick_nth, &pick);
	return pick.found ? pick.child : clang_getNullCursor();
}

/* ---- node tables ---- */

static const void *node_of(CXCursor c)
{
	return c.data[1];
}

void ext_node_table_reset(struct node_table *t)
{
	free(t->nodes);
	free(t->values);
	memset(t, 0, sizeof(*t));
}

static size_t node_slot(const struct node_table *t, const void *node)
{
	/* Fibonacci hashing of the address: cheaper than a call to XXH3 for
	 * tables asked about at most nodes of the walk. */
	uint64_t h = (uint64_t)(uintptr_t)node * 0x9E3779B97F4A7C15ULL;
	size_t i = (size_t)(h ^ (h >> 32)) & (t->cap - 1);
	while (t->nodes[i] && t->nodes[i] != node)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void node_table_grow(struct node_table *t)
{
	struct node_table old = *t;
	t->cap = old.cap ? old.cap * 2 : 64;
	t->nodes = sova_xcalloc(t->cap, sizeof(*t->nodes));
	t->values = sova_xcalloc(t->cap, sizeof(*t->values));
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.nodes[i])
			continue;
		size_t k = node_slot(t, old.nodes[i]);
		t->nodes[k] = old.nodes[i];
		t->values[k] = old.values[i];
	}
	free(old.nodes);
	free(old.values);
}

void ext_node_table_put(struct node_table *t, CXCursor c, int value)
{
	const void *node = node_of(c);
	if (!node)
		return;
	if ((t->count + 1) * 2 > t->cap)
		node_table_grow(t);
	size_t i = node_slot(t, node);
	if (!t->nodes[i])
		t->count++;
	t->nodes[i] = node;
	t->values[i] = value;
}

int ext_node_table_get(const struct node_table *t, CXCursor c)
{
	const void *node = node_of(c);
	if (!t->cap || !node)
		return -1;
	size_t i = node_slot(t, node);
	return t->nodes[i] ? t->values[i] : -1;
}

/* ---- operators ---- */

struct token_list {
	CXTranslationUnit tu;
	CXToken *tokens;
	unsigned count;
};

static void tokens_of(CXTranslationUnit tu, CXCursor c, struct token_list *out)
{
	out->tu = tu;
	clang_tokenize(tu, clang_getCursorExtent(c), &out->tokens, &out->count);
}

static void tokens_free(struct token_list *list)
{
	clang_disposeTokens(list->tu, list->tokens, list->count);
}

/* Where the token at loc is spelled, and its first characters: in a macro
 * body for what a macro expands to. libclang's location calls all stop at
 * the macro use; only the lexer reads the body. Returns 0 without a token. */
static int spelled_at(CXTranslationUnit tu, CXSourceLocation loc, CXFile *file, unsigned *offset, char *text,
		      size_t len)
{
	struct token_list one = { tu, NULL, 0 };
	clang_tokenize(tu, clang_getRange(loc, loc), &one.tokens, &one.count);
	if (!one.count)
		return 0;
	clang_getFileLocation(clang_getTokenLocation(tu, one.tokens[0]), file, NULL, NULL, offset);
	if (text) {
		CXString s = clang_getTokenSpelling(tu, one.tokens[0]);
		snprintf(text, len, "%s", clang_getCString(s));
		clang_disposeString(s);
	}
	tokens_free(&one);
	return 1;
}

void ext_first_token(struct extractor *ex, CXCursor c, char *buf, size_t len)
{
	CXFile file;
	unsigned offset;
	buf[0] = '\0';
	spelled_at(ex->tu, clang_getRangeStart(clang_getCursorExtent(c)), &file, &offset, buf, len);
}

static void token_text(const struct token_list *list, unsigned i, char *buf, size_t len)
{
	CXString s = clang_getTokenSpelling(list->tu, list->tokens[i]);
	snprintf(buf, len, "%s", clang_getCString(s));
	clang_disposeString(s);
}

static int is_binary_operator(const char *t)
{
	static const char *const ops[] = { "=",  "==", "!=", "<",  ">",  "<=", ">=", "&&", "||", "+",  "-",
					   "*",  "/",  "%",  "&",  "|",  "^",  "<<", ">>", "+=", "-=", "*=",
					   "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", NULL };
	for (size_t i = 0; ops[i]; i++)
		if (strcmp(t, ops[i]) == 0)
			return 1;
	return 0;
}

/* The file text at a location, and how many bytes follow it there.
 * Reading the buffer libclang holds beats clang_tokenize, which re-lexes
 * and allocates, and operators are asked for at every assignment. But
 * libclang finds a file's buffer by a walk over all of the TU's source
 * locations, so the last file's is kept. */
/* A file's text, libclang's, from the extractor's few kept ones. */
static const char *file_text(struct extractor *ex, CXFile file, size_t *size)
{
	for (size_t i = 0; i < ex->ntexts; i++)
		if (ex->texts[i].file == file || clang_File_isEqual(ex->texts[i].file, file)) {
			*size = ex->texts[i].size;
			return ex->texts[i].text;
		}
	struct file_text *t = &ex->texts[ex->next_text];
	ex->next_text = (ex->next_text + 1) % SOVA_EXT_FILE_TEXTS;
	if (ex->ntexts < SOVA_EXT_FILE_TEXTS)
		ex->ntexts++;
	t->file = file;
	t->size = 0;
	t->text = clang_getFileContents(ex->tu, file, &t->size);
	*size = t->size;
	return t->text;
}

static const char *text_at(struct extractor *ex, CXSourceLocation loc, CXFile *file, unsigned *offset, size_t *avail)
{
	clang_getFileLocation(loc, file, NULL, NULL, offset);
	if (!*file)
		return NULL;
	size_t size = 0;
	const char *text = file_text(ex, *file, &size);
	if (!text || *offset > size)
		return NULL;
	*avail = size - *offset;
	return text + *offset;
}

static int is_operator_char(char ch)
{
	return ch && strchr("=!<>&|+-*/%^~?:", ch) != NULL;
}

/* Steps over white space and comments; returns the next token's start. */
static const char *skip_blank(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v' || *p == '\\') {
			p++;
		} else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			const char *close = p + 2;
			while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
				close++;
			p = close + 2 <= end ? close + 2 : end;
		} else if (p + 1 < end && p[0] == '/' && p[1] == '/') {
			while (p < end && *p != '\n')
				p++;
		} else {
			break;
		}
	}
	return p;
}

/* The operator as the user's file has it: the last token between the left
 * operand's end and the right operand's start. Works when either operand,
 * or both, is a macro use: "CONN_CB(&c) = on_rx", "IS_DONE(f) && OPEN(c)". */
static void operator_before_rhs(struct extractor *ex, CXCursor lhs, CXCursor rhs, char *buf, size_t len)
{
	CXFile lhs_file, rhs_file;
	unsigned from, to;
	size_t avail;
	const char *text = text_at(ex, clang_getRangeEnd(clang_getCursorExtent(lhs)), &lhs_file, &from, &avail);
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(rhs)), &rhs_file, NULL, NULL, &to);
	if (!text || !clang_File_isEqual(lhs_file, rhs_file) || from >= to || to - from > avail)
		return;
	const char *end = text + (to - from), *last = NULL, *last_end = NULL;
	for (const char *p = skip_blank(text, end); p < end; p = skip_blank(p, end)) {
		const char *start = p;
		if (is_operator_char(*p))
			while (p < end && is_operator_char(*p))
				p++;
		else
			p++;
		last = start;
		last_end = p;
	}
	if (last && (size_t)(last_end - last) < len) {
		memcpy(buf, last, (size_t)(last_end - last));
		buf[last_end - last] = '\0';
	}
}

/* Operands further apart than this in one macro body are not one expression's. */
#define MAX_MACRO_EXPRESSION 4096

/* Both operands spelled in one macro body: the last token between their
 * starts. clang_tokenize lexes from the spelling of the locations it is
 * given, so the operands' own (macro) locations name the range in the
 * body; clang_getLocationForOffset, the other way to name it, builds the
 * file's macro-argument table first, which cost more than the rest of the
 * extraction of a TU of glib's. */
static void operator_in_macro(CXTranslationUnit tu, CXCursor lhs, CXCursor rhs, char *buf, size_t len)
{
	CXFile lhs_file, rhs_file;
	unsigned from, to;
	CXSourceLocation lhs_start = clang_getRangeStart(clang_getCursorExtent(lhs));
	CXSourceLocation rhs_start = clang_getRangeStart(clang_getCursorExtent(rhs));
	if (!spelled_at(tu, lhs_start, &lhs_file, &from, NULL, 0) || !spelled_at(tu, rhs_start, &rhs_file, &to, NULL, 0) ||
	    !clang_File_isEqual(lhs_file, rhs_file) || from >= to || to - from > MAX_MACRO_EXPRESSION)
		return;
	struct token_list list = { tu, NULL, 0 };
	clang_tokenize(tu, clang_getRange(lhs_start, rhs_start), &list.tokens, &list.count);
	for (unsigned i = list.count; i-- > 0;) {
		CXFile f;
		unsigned off;
		clang_getFileLocation(clang_getTokenLocation(tu, list.tokens[i]), &f, NULL, NULL, &off);
		if (off < to) {
			token_text(&list, i, buf, len);
			break;
		}
	}
	tokens_free(&list);
}

/* Written in a macro body: the first operator at parenthesis depth 0 that
 * follows an operand. Right for the forms macros use ("(c)->cb = (f)",
 * "ready(f) && (x)"); anything else gives "", which callers treat as an
 * operator they do not track. */
static void operator_scanned(const struct token_list *list, char *buf, size_t len)
{
	int depth = 0, after_operand = 0;
	char t[16];
	for (unsigned i = 0; i < list->count; i++) {
		token_text(list, i, t, sizeof(t));
		if (strcmp(t, "(") == 0 || strcmp(t, "[") == 0) {
			depth++;
			after_operand = 0;
		} else if (strcmp(t, ")") == 0 || strcmp(t, "]") == 0) {
			depth--;
			after_operand = 1;
		} else if (depth == 0 && after_operand && is_binary_operator(t)) {
			size_t n = strlen(t); /* an operator: at most three characters */
			if (n < len)
				memcpy(buf, t, n + 1);
			return;
		} else {
			CXTokenKind kind = clang_getTokenKind(list->tokens[i]);
			after_operand = kind == CXToken_Identifier || kind == CXToken_Literal || kind == CXToken_Keyword;
		}
	}
}

/* Steps over blanks, comments and escaped line breaks within one logical
 * line (a macro's body): a bare line break ends it, and is not skipped. */
static const char *skip_macro_blank(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v') {
			p++;
		} else if (p + 1 < end && p[0] == '\\' && p[1] == '\n') {
			p += 2;
		} else if (p + 2 < end && p[0] == '\\' && p[1] == '\r' && p[2] == '\n') {
			p += 3;
		} else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			const char *close = p + 2;
			while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
				close++;
			p = close + 2 <= end ? close + 2 : end;
		} else {
			break;
		}
	}
	return p;
}

static int is_word_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_';
}

/* In a macro body whose right operand is itself a macro from elsewhere
 * (TAILQ_EMPTY's "((head)->tqh_first == NULL)", with NULL from
 * <stddef.h>): the first operator at parenthesis depth 0 that follows an
 * operand in the body's text, from where the left operand is spelled
 * (at_depth 0), or from an opening parenthesis around the whole
 * expression (at_depth 1: "(TAILQ_FIRST(head) == TAILQ_END(head))", where
 * the left operand is spelled in another macro's body). A line break without a backslash, or anything an operand's expression
 * does not hold (a string, a comma, a brace, a semicolon), ends the scan
 * with nothing found. */
static void operator_spelled_after(struct extractor *ex, CXCursor from, int at_depth, char *buf, size_t len)
{
	CXFile file;
	unsigned offset;
	/* libclang 14's clang_getSpellingLocation gives a macro's use, not its
	 * body: only a token's own location tells them apart. */
	if (!spelled_at(ex->tu, clang_getRangeStart(clang_getCursorExtent(from)), &file, &offset, NULL, 0))
		return;
	size_t size = 0;
	const char *text = file_text(ex, file, &size);
	if (!text || offset >= size)
		return;
	const char *p = text + offset;
	const char *end = text + (size - offset > MAX_MACRO_EXPRESSION ? offset + MAX_MACRO_EXPRESSION : size);
	int depth = 0, after_operand = 0;
	while ((p = skip_macro_blank(p, end)) < end) {
		if (*p == '(' || *p == '[') {
			depth++;
			after_operand = 0;
			p++;
		} else if (*p == ')' || *p == ']') {
			if (--depth < at_depth)
				return;
			after_operand = 1;
			p++;
		} else if (is_operator_char(*p)) {
			const char *start = p;
			while (p < end && is_operator_char(*p))
				p++;
			size_t n = (size_t)(p - start);
			char op[4] = "";
			if (n < sizeof(op)) {
				memcpy(op, start, n);
				op[n] = '\0';
			}
			if (depth == at_depth && after_operand && is_binary_operator(op) && n < len) {
				memcpy(buf, op, n + 1);
				return;
			}
			after_operand = 0;
		} else if (is_word_char(*p)) {
			while (p < end && (is_word_char(*p) || *p == '.'))
				p++;
			after_operand = 1;
		} else {
			return;
		}
	}
}

static void find_binary_operator(struct extractor *ex, CXCursor c, char *buf, size_t len)
{
	CXTranslationUnit tu = ex->tu;
	buf[0] = '\0';
	CXCursor lhs = ext_child_at(ex, c, 0), rhs = ext_child_at(ex, c, 1);
	if (clang_Cursor_isNull(lhs) || clang_Cursor_isNull(rhs))
		return;
	operator_before_rhs(ex, lhs, rhs, buf, len);
	if (is_binary_operator(buf))
		return;
	buf[0] = '\0';
	operator_in_macro(tu, lhs, rhs, buf, len);
	if (is_binary_operator(buf))
		return;
	buf[0] = '\0';
	operator_spelled_after(ex, lhs, 0, buf, len);
	if (is_binary_operator(buf))
		return;
	/* An operand comes from a macro argument: scan the expansion. */
	buf[0] = '\0';
	struct token_list list;
	tokens_of(tu, c, &list);
	operator_scanned(&list, buf, len);
	tokens_free(&list);
}

/* Finding an operator reads extents and tokens, and conditions, values
 * and stores ask about one node several times: found once per node. */
void ext_binary_operator_in(struct extractor *ex, CXCursor c, CXCursor paren, char *buf, size_t len)
{
	int i = ext_node_table_get(&ex->operators, c);
	if (i < 0) {
		SOVA_GROW(ex->operator_texts, ex->noperator_texts, ex->capoperator_texts);
		i = (int)ex->noperator_texts++;
		char *op = ex->operator_texts[i];
		find_binary_operator(ex, c, op, sizeof(ex->operator_texts[i]));
		if (!is_binary_operator(op) && !clang_Cursor_isNull(paren)) {
			op[0] = '\0';
			operator_spelled_after(ex, paren, 1, op, sizeof(ex->operator_texts[i]));
		}
		ext_node_table_put(&ex->operators, c, i);
	}
	snprintf(buf, len, "%s", ex->operator_texts[i]);
}

void ext_binary_operator(struct extractor *ex, CXCursor c, char *buf, size_t len)
{
	ext_binary_operator_in(ex, c, clang_getNullCursor(), buf, len);
}

/* A binary operator's operator, found once per node: every call under an
 * if-condition asks about the && above it. */
const char *ext_frame_operator(struct extractor *ex, struct frame *f)
{
	if (!f->op_known) {
		ext_binary_operator(ex, f->cursor, f->op, sizeof(f->op));
		f->op_known = 1;
	}
	return f->op;
}

/* The first character of c as written: a unary operator's '*' or '&'.
 * Where the file has a name there, c may come from a macro body, which
 * only tokens reach (libclang's file locations stop at the macro use). */
static char find_first_char(struct extractor *ex, CXCursor c)
{
	CXFile file;
	unsigned offset;
	size_t avail;
	const char *text = text_at(ex, clang_getRangeStart(clang_getCursorExtent(c)), &file, &offset, &avail);
	if (!text || !avail)
		return '\0';
	if (!isalpha((unsigned char)text[0]) && text[0] != '_')
		return text[0];
	/* A name: a macro use, or a postfix x++. Only & and * matter, and they
	 * have a pointer on one side. */
	CXCursor operand;
	if (!ext_pointer_like(c) && (!ext_wrapped_expr(ex, c, &operand) || !ext_pointer_like(operand)))
		return text[0];
	char first[4];
	CXFile spelled_file;
	unsigned spelled_offset;
	if (!spelled_at(ex->tu, clang_getRangeStart(clang_getCursorExtent(c)), &spelled_file, &spelled_offset, first,
			sizeof(first)))
		return '\0';
	return first[0];
}

char ext_first_char(struct extractor *ex, CXCursor c)
{
	int known = ext_node_table_get(&ex->first_chars, c);
	if (known >= 0)
		return (char)known;
	char first = find_first_char(ex, c);
	ext_node_table_put(&ex->first_chars, c, (unsigned char)first);
	return first;
}

static int is_array_type(CXType type)
{
	return type.kind == CXType_ConstantArray || type.kind == CXType_IncompleteArray ||
	       type.kind == CXType_VariableArray;
}

static int is_number_type(CXType type)
{
	return (type.kind >= CXType_Bool && type.kind <= CXType_LongDouble) || type.kind == CXType_Enum;
}

static int is_char_type(CXType type)
{
	switch (type.kind) {
	case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
	case CXType_WChar: case CXType_Char16: case CXType_Char32:
		return 1;
	default:
		return 0;
	}
}

struct plain_fields {
	int depth;
	int plain;
};

static int plain_data(CXType type, int depth);

static enum CXVisitorResult plain_field(CXCursor field, CXClientData data)
{
	struct plain_fields *p = data;
	p->plain = plain_data(clang_getCursorType(field), p->depth + 1);
	return p->plain ? CXVisit_Continue : CXVisit_Break;
}

/* Numbers and strings, and arrays and structs made only of them. */
static int plain_data(CXType type, int depth)
{
	type = clang_getCanonicalType(type);
	if (depth > 8)
		return 0;
	if (is_number_type(type))
		return 1;
	if (type.kind == CXType_Pointer)
		return is_char_type(clang_getCanonicalType(clang_getPointeeType(type)));
	if (is_array_type(type))
		return plain_data(clang_getArrayElementType(type), depth + 1);
	if (type.kind == CXType_Record) {
		struct plain_fields p = { depth, 1 };
		clang_Type_visitFields(type, plain_field, &p);
		return p.plain;
	}
	return 0;
}

int ext_plain_data_array(CXType type)
{
	type = clang_getCanonicalType(type);
	return is_array_type(type) && plain_data(type, 0);
}

/* ---- declarations ---- */

static int param_index(CXCursor func, CXCursor param)
{
	int n = clang_Cursor_getNumArguments(func);
	for (int i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(func, (unsigned)i), param))
			return i;
	return -1;
}

/* The declaration itself: for a declaration cursor, data[0] is the Decl. */
static const void *decl_node(CXCursor decl)
{
	return decl.data[0];
}

const char *ext_usr(struct extractor *ex, CXCursor decl)
{
	const void *node = decl_node(decl);
	CXCursor key = decl;
	key.data[1] = node; /* the node table keys on data[1] */
	int i = node ? ext_node_table_get(&ex->decl_usrs, key) : -1;
	if (i >= 0)
		return ex->usrs[i];
	const char *usr = ext_cxstr(ex, clang_getCursorUSR(decl));
	if (node) {
		SOVA_PUSH(ex->usrs, ex->nusrs, ex->capusrs, usr);
		ext_node_table_put(&ex->decl_usrs, key, (int)ex->nusrs - 1);
	}
	return usr;
}

static struct sova_val value_of_decl(struct extractor *ex, CXCursor decl)
{
	struct sova_val v = { .kind = SOVA_VAL_UNKNOWN };
	switch (clang_getCursorKind(decl)) {
	case CXCursor_FunctionDecl:
		v.kind = SOVA_VAL_FUNC;
		v.usr = ext_usr(ex, decl);
		break;
	case CXCursor_VarDecl:
		v.kind = ext_is_kind(clang_getCursorSemanticParent(decl), CXCursor_FunctionDecl) ? SOVA_VAL_LOCAL
												  : SOVA_VAL_GLOBAL;
		v.usr = ext_usr(ex, decl);
		break;
	case CXCursor_ParmDecl: {
		CXCursor func = clang_getCursorSemanticParent(decl);
		int index = param_index(func, decl);
		if (index < 0)
			return v;
		v.kind = SOVA_VAL_PARAM;
		v.usr = ext_usr(ex, func);
		v.num = index;
		break;
	}
	case CXCursor_FieldDecl:
		v.kind = SOVA_VAL_FIELD;
		v.usr = ext_usr(ex, decl);
		break;
	case CXCursor_EnumConstantDecl:
		v.kind = SOVA_VAL_INT;
		v.num = (long)clang_getEnumConstantDeclValue(decl);
		return v;
	default:
		return v;
	}
	v.name = ext_cxstr(ex, clang_getCursorSpelling(decl));
	return v;
}

/* A declaration denotes the same value wherever it is read: computed once
 * per declaration (a parameter's index, its function's USR, its name). */
struct sova_val ext_value_of_decl(struct extractor *ex, CXCursor decl)
{
	const void *node = decl_node(decl);
	if (!node)
		return value_of_decl(ex, decl);
	CXCursor key = decl;
	key.data[1] = node; /* the node table keys on data[1] */
	int i = ext_node_table_get(&ex->decl_values, key);
	if (i >= 0)
		return ex->decl_vals[i];
	struct sova_val v = value_of_decl(ex, decl);
	SOVA_PUSH(ex->decl_vals, ex->ndecl_vals, ex->capdecl_vals, v);
	ext_node_table_put(&ex->decl_values, key, (int)ex->ndecl_vals - 1);
	return v;
}

struct sova_val ext_int_value(CXCursor c)
{
	struct sova_val v = { .kind = SOVA_VAL_UNKNOWN };
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return v;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		v.kind = SOVA_VAL_INT;
		v.num = (long)clang_EvalResult_getAsLongLong(r);
	}
	clang_EvalResult_dispose(r);
	return v;
}

/* ---- access paths ---- */

struct path_builder {
	char *segments[64];
	size_t count;
	int unique;          /* an index sova cannot name: the path equals no other */
	int through_pointer; /* a pointer was followed: p->f, *p, p[i] */
	int named_base;      /* the base is a variable, not a parameter or a value */
};

static void path_push(struct path_builder *p, char *segment)
{
	if (p->count < sizeof(p->segments) / sizeof(p->segments[0]))
		p->segments[p->count++] = segment;
	else
		free(segment);
}

static char *index_segment(struct extractor *ex, CXCursor index, struct path_builder *p)
{
	struct sova_val v = ext_value_of(ex, index);
	char *seg;
	if (v.kind == SOVA_VAL_INT)
		seg = sova_xasprintf("[%ld]", v.num);
	else if ((v.kind == SOVA_VAL_LOCAL || v.kind == SOVA_VAL_PARAM || v.kind == SOVA_VAL_GLOBAL) && !v.path)
		seg = sova_xasprintf("[%s#%ld]", v.usr, v.num);
	else {
		seg = sova_xstrdup("[?]");
		p->unique = 1;
	}
	return seg;
}

/* The type an expression has before an implicit conversion: an array's
 * name decays to a pointer, and a subscript of it is still in the array. */
static CXType unconverted_type(const struct extractor *ex, CXCursor c)
{
	CXCursor inner;
	if (ext_is_kind(c, CXCursor_UnexposedExpr) && ext_wrapped_expr(ex, c, &inner))
		c = inner;
	return clang_getCanonicalType(clang_getCursorType(c));
}

/* The abstract member of a written-out access (see sova_val.member): the
 * segments with every index as "[]", or NULL when a pointer was followed
 * or the base is no variable. */
static const char *member_of_access(struct extractor *ex, const struct path_builder *p)
{
	if (p->through_pointer || !p->named_base || !p->count)
		return NULL;
	size_t len = 1;
	for (size_t i = 0; i < p->count; i++)
		len += strlen(p->segments[i]);
	char *member = sova_xmalloc(len);
	char *at = member;
	for (size_t i = p->count; i-- > 0;) {
		const char *seg = p->segments[i];
		if (seg[0] == '[') {
			memcpy(at, "[]", 2);
			at += 2;
		} else {
			size_t n = strlen(seg);
			memcpy(at, seg, n);
			at += n;
		}
	}
	*at = '\0';
	const char *kept = ext_str(ex, member);
	free(member);
	return kept;
}

/* The access an lvalue expression makes, written out from its base: the
 * base's USR, then each member as SOVA_PATH_MEMBER and the field's USR, and
 * each index as "[1]". Built bottom-up in a loop; & and casts are skipped.
 * *member gets its abstract member, or NULL. */
static const char *access_path(struct extractor *ex, CXCursor c, const char **member)
{
	struct path_builder p = { .count = 0 };
	char op = 0;
	for (int guard = 0; guard < MAX_PEEL; guard++) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		if (kind == CXCursor_MemberRefExpr) {
			const char *field = ext_usr(ex, clang_getCursorReferenced(c));
			size_t n = strlen(field); /* not printf: the walk builds one per member access */
			char *seg = sova_xmalloc(n + 2);
			seg[0] = SOVA_PATH_MEMBER;
			memcpy(seg + 1, field, n + 1);
			path_push(&p, seg);
			c = ext_child_at(ex, c, 0);
			if (unconverted_type(ex, c).kind == CXType_Pointer) /* o->f */
				p.through_pointer = 1;
		} else if (kind == CXCursor_ArraySubscriptExpr) {
			path_push(&p, index_segment(ex, ext_child_at(ex, c, 1), &p));
			c = ext_child_at(ex, c, 0);
			if (!is_array_type(unconverted_type(ex, c)))
				p.through_pointer = 1;
		} else if (kind == CXCursor_UnaryOperator && (op = ext_first_char(ex, c)) == '*') {
			path_push(&p, sova_xstrdup("[0]"));
			p.through_pointer = 1;
			if (!ext_wrapped_expr(ex, c, &c))
				break;
		} else if (kind == CXCursor_UnaryOperator && op == '&') {
			if (!ext_wrapped_expr(ex, c, &c))
				break;
		} else if (kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr || kind == CXCursor_CStyleCastExpr) {
			if (!ext_wrapped_expr(ex, c, &c))
				break;
		} else {
			if (kind == CXCursor_DeclRefExpr) {
				CXCursor decl = clang_getCursorReferenced(c);
				path_push(&p, sova_xstrdup(ext_usr(ex, decl)));
				p.named_base = ext_is_kind(decl, CXCursor_VarDecl);
			} else {
				p.unique = 1;
			}
			break;
		}
		if (clang_Cursor_isNull(c))
			break;
	}
	*member = member_of_access(ex, &p);
	size_t len = 1;
	for (size_t i = 0; i < p.count; i++)
		len += strlen(p.segments[i]);
	char *path = sova_xmalloc(len + 24);
	path[0] = '\0';
	for (size_t i = p.count; i-- > 0;) {
		strcat(path, p.segments[i]);
		free(p.segments[i]);
	}
	if (p.unique)
		sprintf(path + strlen(path), "#%d", ex->ntemps++);
	const char *kept = ext_str(ex, path);
	free(path);
	return kept;
}

/* ---- values ---- */

static struct sova_val value_at_depth(struct extractor *ex, CXCursor c, int depth);

/* A string literal's characters, as written between its quotes: a model
 * may name the one a call is given (g_object_new's "base-stream"
 * property, before its value). libclang spells the literal with its
 * quotes, adjacent literals joined; a prefixed one (L"...") is not known. */
static struct sova_val string_value(struct extractor *ex, CXCursor c)
{
	struct sova_val v = { .kind = SOVA_VAL_UNKNOWN };
	CXString spelling = clang_getCursorSpelling(c);
	const char *text = clang_getCString(spelling);
	size_t len = text ? strlen(text) : 0;
	if (len >= 2 && text[0] == '"' && text[len - 1] == '"' && !memchr(text + 1, '"', len - 2)) {
		v.kind = SOVA_VAL_STRING;
		v.usr = sova_strpool_addn(&ex->facts->strings, text + 1, len - 2);
	}
	clang_disposeString(spelling);
	return v;
}

/* c ? a : b denotes a temporary both branches are assigned to. */
static struct sova_val conditional_value(struct extractor *ex, CXCursor c, int depth)
{
	if (depth >= MAX_NESTED_CONDITIONALS)
		return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
	int temp = ext_node_table_get(&ex->temps, c);
	const char *scope = ext_func(ex) ? ext_func(ex)->usr : ex->facts->main_file;
	if (temp < 0) {
		temp = ex->ntemps++;
		ext_node_table_put(&ex->temps, c, temp);
		struct child_list kids;
		ext_children(ex, c, &kids);
		/* c ? a : b has three children; the GNU c ?: b has two. */
		for (size_t i = kids.count == 3 ? 1 : 0; i < kids.count; i++) {
			struct sova_val target = { .kind = SOVA_VAL_LOCAL,
						   .usr = sova_strpool_printf(&ex->facts->strings, "%s@?:%d", scope, temp),
						   .name = ext_str(ex, "?:") };
			ext_add_assign(ex, target, value_at_depth(ex, kids.items[i], depth + 1),
				       (struct sova_val){ .kind = SOVA_VAL_UNKNOWN });
		}
		ext_children_free(&kids);
	}
	return (struct sova_val){ .kind = SOVA_VAL_LOCAL,
				  .usr = sova_strpool_printf(&ex->facts->strings, "%s@?:%d", scope, temp),
				  .name = ext_str(ex, "?:") };
}

static struct sova_val value_at_depth(struct extractor *ex, CXCursor c, int depth)
{
	const char *path = NULL, *member = NULL; /* written out at the first member or subscript met */
	int element = 0, address = 0;
	struct sova_val v = { .kind = SOVA_VAL_UNKNOWN };
	for (int guard = 0; guard < MAX_PEEL; guard++) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		if (kind == CXCursor_UnexposedExpr || kind == CXCursor_ParenExpr || kind == CXCursor_CStyleCastExpr) {
			if (ext_wrapped_expr(ex, c, &c))
				continue;
		} else if (kind == CXCursor_UnaryOperator) {
			char op = ext_first_char(ex, c);
			int deref = op == '*', addr = op == '&';
			if ((deref || addr) && ext_wrapped_expr(ex, c, &c)) {
				element |= deref;
				address |= addr;
				continue;
			}
			v = ext_int_value(c);
		} else if (kind == CXCursor_ArraySubscriptExpr) {
			if (!path)
				path = access_path(ex, c, &member);
			element = 1;
			c = ext_child_at(ex, c, 0);
			continue;
		} else if (kind == CXCursor_BinaryOperator) {
			char op[8] = "";
			if (ext_lvalue_form(ext_child_at(ex, c, 0)))
				ext_binary_operator(ex, c, op, sizeof(op));
			if (strcmp(op, "=") == 0) {
				c = ext_child_at(ex, c, 1);
				continue;
			}
			v = ext_int_value(c);
		} else if (kind == CXCursor_ConditionalOperator) {
			v = conditional_value(ex, c, depth);
		} else if (kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) {
			if (!path && kind == CXCursor_MemberRefExpr)
				path = access_path(ex, c, &member);
			v = ext_value_of_decl(ex, clang_getCursorReferenced(c));
		} else if (kind == CXCursor_BlockExpr) {
			int block = ext_node_table_get(&ex->blocks, c);
			if (block >= 0)
				v = (struct sova_val){ .kind = SOVA_VAL_FUNC,
						       .usr = ex->facts->funcs[block].usr,
						       .name = ex->facts->funcs[block].name };
		} else if (kind == CXCursor_CallExpr) {
			int index = ext_node_table_get(&ex->calls, c);
			if (index >= 0)
				v = (struct sova_val){ .kind = SOVA_VAL_CALL, .num = index };
		} else if (kind == CXCursor_IntegerLiteral || kind == CXCursor_CharacterLiteral) {
			v = ext_int_value(c);
		} else if (kind == CXCursor_StringLiteral) {
			v = string_value(ex, c);
		}
		break;
	}
	v.element = element;
	v.address = address;
	v.path = path;
	v.member = member;
	return v;
}

struct sova_val ext_value_of(struct extractor *ex, CXCursor c)
{
	return value_at_depth(ex, c, 0);
}

void ext_add_assign(struct extractor *ex, struct sova_val target, struct sova_val value, struct sova_val object)
{
	struct sova_func *fn = ext_func(ex);
	/* A constant in a file-scope initializer (the bulk of a command table)
	 * neither registers a callback nor names an executor: no stage reads it. */
	if (target.kind == SOVA_VAL_UNKNOWN || value.kind == SOVA_VAL_UNKNOWN || value.kind == SOVA_VAL_STRING ||
	    (!fn && value.kind == SOVA_VAL_INT))
		return;
	struct sova_assign a = { target, value, object, fn ? (unsigned)fn->ncalls : 0, 0 };
	if (fn)
		SOVA_PUSH(fn->assigns, fn->nassigns, fn->capassigns, a);
	else
		SOVA_PUSH(ex->facts->globals, ex->facts->nglobals, ex->facts->capglobals, a);
}

/* ---- expressions, as the condition and store facts read them ---- */

#define MAX_PEEL_DEPTH 64

CXCursor ext_peeled(const struct extractor *ex, CXCursor c)
{
	for (int i = 0; i < MAX_PEEL_DEPTH; i++) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		CXCursor inner;
		if ((kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr && kind != CXCursor_CStyleCastExpr) ||
		    !ext_wrapped_expr(ex, c, &inner))
			return c;
		c = inner;
	}
	return c;
}

char *ext_member_path(struct extractor *ex, CXCursor c, CXCursor *base)
{
	char *fields = NULL;
	size_t len = 0;
	for (int depth = 0; depth < MAX_PEEL_DEPTH && ext_is_kind(c, CXCursor_MemberRefExpr); depth++) {
		const char *field = ext_usr(ex, clang_getCursorReferenced(c));
		size_t n = strlen(field);
		fields = sova_xrealloc(fields, len + n + 2, 1);
		memmove(fields + n + 1, fields, len);
		fields[0] = SOVA_PATH_MEMBER;
		memcpy(fields + 1, field, n);
		len += n + 1;
		fields[len] = '\0';
		c = ext_peeled(ex, ext_child_at(ex, c, 0));
		CXCursor operand; /* (&x->modes)->tqh_first, as TAILQ_FIRST writes it, is x->modes.tqh_first */
		if (ext_is_kind(c, CXCursor_UnaryOperator) && ext_first_char(ex, c) == '&' && ext_wrapped_expr(ex, c, &operand))
			c = ext_peeled(ex, operand);
	}
	*base = c;
	return fields;
}

unsigned ext_offset_of(CXSourceLocation loc)
{
	unsigned offset = 0;
	clang_getExpansionLocation(loc, NULL, NULL, NULL, &offset);
	return offset;
}

int ext_is_loop(enum CXCursorKind kind)
{
	return kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt || kind == CXCursor_DoStmt;
}
