/* extract.c - stage 3: walks one libclang AST and fills its per-TU summary.
 *
 * One clang_visitChildren pass in CXChildVisit_Recurse mode. libclang reports
 * only entries, so the walker keeps its own stack of open nodes and "leaves"
 * a node when the next cursor's parent is further up. Calls are recorded on
 * leaving them, so the calls inside an argument list get their indexes first
 * and an outer call can name them (fut_get(fut_submit(...))). */
#include "extract.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct frame {
	CXCursor cursor;
	enum CXCursorKind kind;
	int children;    /* children entered so far */
	int in_then;     /* IfStmt: the then-branch is open */
	int *cond_calls; /* IfStmt: calls whose truth the condition asserts */
	size_t ncond, capcond;
	int opens_func; /* FunctionDecl whose body is being extracted */
};

/* Maps a call already recorded to its index in the function.
 *
 * Keyed by the expression node, not by clang_equalCursors: a cursor's
 * identity in libclang includes the declaration the visit started from, and
 * a visit started at a statement (to peel casts, say) has none, so the same
 * call seen from two visits compares unequal. data[1] is the node itself. */
struct call_table {
	const void **nodes;
	int *indexes;
	size_t cap, count;
};

struct file_cache_entry {
	CXFile file;
	int index;
};

struct extractor {
	CXTranslationUnit tu;
	const char *directory;
	struct sova_tu_facts *facts;
	struct frame *stack;
	size_t depth, cap;
	struct sova_func *func; /* function being extracted, or NULL at file scope */
	struct call_table calls;
	struct sova_strmap file_index;
	struct file_cache_entry *file_cache;
	size_t nfile_cache, capfile_cache;
};

static char *take_string(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = sova_xstrdup(c ? c : "");
	clang_disposeString(s);
	return copy;
}

static int is_kind(CXCursor c, enum CXCursorKind kind)
{
	return clang_getCursorKind(c) == kind;
}

/* ---- call table ---- */

static const void *call_node(CXCursor c)
{
	return c.data[1];
}

static void call_table_reset(struct call_table *t)
{
	free(t->nodes);
	free(t->indexes);
	memset(t, 0, sizeof(*t));
}

static size_t call_table_slot(const struct call_table *t, const void *node)
{
	size_t i = (size_t)sova_fnv1a(&node, sizeof(node), SOVA_FNV_SEED) & (t->cap - 1);
	while (t->nodes[i] && t->nodes[i] != node)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void call_table_grow(struct call_table *t)
{
	struct call_table old = *t;
	t->cap = old.cap ? old.cap * 2 : 64;
	t->nodes = sova_xcalloc(t->cap, sizeof(*t->nodes));
	t->indexes = sova_xcalloc(t->cap, sizeof(*t->indexes));
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.nodes[i])
			continue;
		size_t k = call_table_slot(t, old.nodes[i]);
		t->nodes[k] = old.nodes[i];
		t->indexes[k] = old.indexes[i];
	}
	free(old.nodes);
	free(old.indexes);
}

static void call_table_put(struct call_table *t, CXCursor c, int index)
{
	const void *node = call_node(c);
	if (!node)
		return;
	if ((t->count + 1) * 2 > t->cap)
		call_table_grow(t);
	size_t i = call_table_slot(t, node);
	if (!t->nodes[i])
		t->count++;
	t->nodes[i] = node;
	t->indexes[i] = index;
}

static int call_table_get(const struct call_table *t, CXCursor c)
{
	const void *node = call_node(c);
	if (!t->cap || !node)
		return -1;
	size_t i = call_table_slot(t, node);
	return t->nodes[i] ? t->indexes[i] : -1;
}

/* ---- locations ---- */

static int file_index_of(struct extractor *ex, CXFile file)
{
	for (size_t i = 0; i < ex->nfile_cache; i++)
		if (ex->file_cache[i].file == file)
			return ex->file_cache[i].index;
	char *path = take_string(clang_File_tryGetRealPathName(file));
	if (!path[0]) {
		free(path);
		path = take_string(clang_getFileName(file));
	}
	if (path[0] != '/') {
		char *abs = sova_xasprintf("%s/%s", ex->directory, path);
		free(path);
		path = abs;
	}
	int index = sova_strmap_get(&ex->file_index, path);
	if (index < 0) {
		index = (int)ex->facts->nfiles;
		sova_strmap_put(&ex->file_index, path, index);
		SOVA_PUSH(ex->facts->files, ex->facts->nfiles, ex->facts->capfiles, path);
	} else {
		free(path);
	}
	struct file_cache_entry e = { file, index };
	SOVA_PUSH(ex->file_cache, ex->nfile_cache, ex->capfile_cache, e);
	return index;
}

/* The range in user code: a macro's use for code the macro wrote, the
 * argument's own place for code written in a macro argument. */
static struct sova_loc loc_of_range(struct extractor *ex, CXSourceRange range)
{
	struct sova_loc loc = { .file = -1 };
	CXFile file, end_file;
	unsigned line, col, end_line, end_col;
	clang_getFileLocation(clang_getRangeStart(range), &file, &line, &col, NULL);
	clang_getFileLocation(clang_getRangeEnd(range), &end_file, &end_line, &end_col, NULL);
	if (!file)
		return loc;
	loc.file = file_index_of(ex, file);
	loc.line = line;
	loc.col = col;
	int ordered = end_file == file && (end_line > line || (end_line == line && end_col > col));
	loc.end_line = ordered ? end_line : line;
	loc.end_col = ordered ? end_col : col;
	return loc;
}

/* The place of a declaration's name, which is where editors should point. */
static struct sova_loc loc_of_name(struct extractor *ex, CXCursor c, const char *name)
{
	struct sova_loc loc = { .file = -1 };
	CXFile file;
	unsigned line, col;
	clang_getFileLocation(clang_getCursorLocation(c), &file, &line, &col, NULL);
	if (file) {
		loc.file = file_index_of(ex, file);
		loc.line = loc.end_line = line;
		loc.col = col;
		loc.end_col = col + (unsigned)strlen(name);
	}
	return loc;
}

static int in_system_header(CXCursor c)
{
	return clang_Location_isInSystemHeader(clang_getCursorLocation(c));
}

/* ---- children ---- */

struct child_list {
	CXCursor items[8];
	size_t count; /* may exceed 8; only the first 8 are kept */
	CXCursor last_expr;
	int has_last_expr;
};

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct child_list *list = data;
	if (list->count < 8)
		list->items[list->count] = c;
	list->count++;
	if (clang_isExpression(clang_getCursorKind(c))) {
		list->last_expr = c;
		list->has_last_expr = 1;
	}
	return CXChildVisit_Continue;
}

static struct child_list children_of(CXCursor c)
{
	struct child_list list;
	memset(&list, 0, sizeof(list));
	clang_visitChildren(c, collect_child, &list);
	return list;
}

/* Returns the spelling of the first token of c, or of the first token at or
 * after `after` when after is not NULL; "" when there is none. */
static void token_at(CXTranslationUnit tu, CXCursor c, const CXSourceLocation *after, char *buf, size_t len)
{
	CXToken *tokens = NULL;
	unsigned ntokens = 0;
	buf[0] = '\0';
	clang_tokenize(tu, clang_getCursorExtent(c), &tokens, &ntokens);
	unsigned min_offset = 0;
	if (after)
		clang_getSpellingLocation(*after, NULL, NULL, NULL, &min_offset);
	for (unsigned i = 0; i < ntokens; i++) {
		unsigned off;
		clang_getSpellingLocation(clang_getTokenLocation(tu, tokens[i]), NULL, NULL, NULL, &off);
		if (after && off < min_offset)
			continue;
		CXString s = clang_getTokenSpelling(tu, tokens[i]);
		snprintf(buf, len, "%s", clang_getCString(s));
		clang_disposeString(s);
		break;
	}
	clang_disposeTokens(tu, tokens, ntokens);
}

/* The operator of a binary expression; libclang 14 has no call for it. */
static void binary_operator(CXTranslationUnit tu, CXCursor c, char *buf, size_t len)
{
	struct child_list kids = children_of(c);
	buf[0] = '\0';
	if (kids.count != 2)
		return;
	CXSourceLocation lhs_end = clang_getRangeEnd(clang_getCursorExtent(kids.items[0]));
	token_at(tu, c, &lhs_end, buf, len);
}

/* ---- values ---- */

static int param_index(CXCursor func, CXCursor param)
{
	int n = clang_Cursor_getNumArguments(func);
	for (int i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(func, (unsigned)i), param))
			return i;
	return -1;
}

static struct sova_val value_of_decl(CXCursor decl)
{
	struct sova_val v = { .kind = SOVA_VAL_UNKNOWN };
	enum CXCursorKind kind = clang_getCursorKind(decl);
	if (kind == CXCursor_FunctionDecl) {
		v.kind = SOVA_VAL_FUNC;
		v.usr = take_string(clang_getCursorUSR(decl));
	} else if (kind == CXCursor_VarDecl) {
		CXCursor parent = clang_getCursorSemanticParent(decl);
		v.kind = is_kind(parent, CXCursor_FunctionDecl) ? SOVA_VAL_LOCAL : SOVA_VAL_GLOBAL;
		v.usr = take_string(clang_getCursorUSR(decl));
	} else if (kind == CXCursor_ParmDecl) {
		CXCursor func = clang_getCursorSemanticParent(decl);
		int index = param_index(func, decl);
		if (index < 0)
			return v;
		v.kind = SOVA_VAL_PARAM;
		v.usr = take_string(clang_getCursorUSR(func));
		v.num = index;
	} else if (kind == CXCursor_FieldDecl) {
		v.kind = SOVA_VAL_FIELD;
		v.usr = take_string(clang_getCursorUSR(decl));
	} else if (kind == CXCursor_EnumConstantDecl) {
		v.kind = SOVA_VAL_INT;
		v.num = (long)clang_getEnumConstantDeclValue(decl);
		return v;
	} else {
		return v;
	}
	v.name = take_string(clang_getCursorSpelling(decl));
	return v;
}

static struct sova_val int_value(CXCursor c)
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

/* What expression c denotes. Wrappers (casts, parentheses, & and *) are
 * peeled in a loop, not by recursion. */
static struct sova_val value_of(struct extractor *ex, CXCursor c)
{
	int element = 0;
	for (int guard = 0; guard < 4096; guard++) {
		enum CXCursorKind kind = clang_getCursorKind(c);
		struct child_list kids;
		char op[8];
		switch (kind) {
		case CXCursor_UnexposedExpr:
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
			kids = children_of(c);
			if (!kids.has_last_expr)
				return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
			c = kids.last_expr;
			continue;
		case CXCursor_UnaryOperator:
			token_at(ex->tu, c, NULL, op, sizeof(op));
			if (strcmp(op, "&") != 0 && strcmp(op, "*") != 0)
				return int_value(c);
			kids = children_of(c);
			if (!kids.has_last_expr)
				return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
			c = kids.last_expr;
			continue;
		case CXCursor_ArraySubscriptExpr:
			kids = children_of(c);
			if (kids.count < 1)
				return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
			element = 1;
			c = kids.items[0];
			continue;
		case CXCursor_DeclRefExpr:
		case CXCursor_MemberRefExpr: {
			struct sova_val v = value_of_decl(clang_getCursorReferenced(c));
			v.element = element;
			return v;
		}
		case CXCursor_CallExpr: {
			int index = call_table_get(&ex->calls, c);
			if (index < 0)
				return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
			return (struct sova_val){ .kind = SOVA_VAL_CALL, .num = index };
		}
		case CXCursor_IntegerLiteral:
		case CXCursor_CharacterLiteral:
			return int_value(c);
		default:
			return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
		}
	}
	return (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
}

/* ---- recording ---- */

static void add_assign(struct extractor *ex, struct sova_val target, struct sova_val value)
{
	if (target.kind == SOVA_VAL_UNKNOWN || value.kind == SOVA_VAL_UNKNOWN) {
		sova_val_free(&target);
		sova_val_free(&value);
		return;
	}
	struct sova_assign a = { target, value, ex->func ? (unsigned)ex->func->ncalls : 0 };
	if (ex->func)
		SOVA_PUSH(ex->func->assigns, ex->func->nassigns, ex->func->capassigns, a);
	else
		SOVA_PUSH(ex->facts->globals, ex->facts->nglobals, ex->facts->capglobals, a);
}

/* The name of the type a pointer-typed expression points to: the struct tag,
 * or the typedef name for an anonymous struct. NULL for non-pointers. */
static char *pointee_name(CXType type)
{
	CXType canon = clang_getCanonicalType(type);
	if (canon.kind != CXType_Pointer)
		return NULL;
	CXType pointee = clang_getPointeeType(type);
	char *spelling = take_string(clang_getTypeSpelling(clang_getCanonicalType(pointee)));
	if (strstr(spelling, "(anonymous") || strstr(spelling, "(unnamed")) {
		free(spelling);
		spelling = take_string(clang_getTypeSpelling(pointee));
	}
	const char *s = spelling;
	static const char *const prefixes[] = { "const ", "volatile ", "struct ", "union ", "enum " };
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
			size_t n = strlen(prefixes[i]);
			if (strncmp(s, prefixes[i], n) == 0) {
				s += n;
				again = 1;
			}
		}
	}
	char *name = sova_xstrdup(s);
	free(spelling);
	return name;
}

/* A call in an if-condition is asserted true when nothing but parentheses,
 * implicit casts and && stand between it and the condition. */
static struct frame *asserting_if(struct extractor *ex)
{
	for (size_t i = ex->depth - 1; i-- > 0;) {
		struct frame *f = &ex->stack[i];
		if (f->kind == CXCursor_IfStmt)
			return f->children == 1 ? f : NULL;
		if (f->kind == CXCursor_ParenExpr || f->kind == CXCursor_UnexposedExpr)
			continue;
		if (f->kind == CXCursor_BinaryOperator) {
			char op[8];
			binary_operator(ex->tu, f->cursor, op, sizeof(op));
			if (strcmp(op, "&&") == 0)
				continue;
		}
		return NULL;
	}
	return NULL;
}

static void add_guards(struct extractor *ex, struct sova_call *call)
{
	size_t cap = 0;
	for (size_t i = 0; i < ex->depth; i++) {
		const struct frame *f = &ex->stack[i];
		if (f->kind != CXCursor_IfStmt || !f->in_then)
			continue;
		for (size_t k = 0; k < f->ncond; k++)
			SOVA_PUSH(call->guards, call->nguards, cap, f->cond_calls[k]);
	}
}

static void record_callee(struct extractor *ex, CXCursor c, struct sova_call *call)
{
	CXCursor ref = clang_getCursorReferenced(c);
	if (is_kind(ref, CXCursor_FunctionDecl)) {
		call->callee_usr = take_string(clang_getCursorUSR(ref));
		call->callee_name = take_string(clang_getCursorSpelling(ref));
		return;
	}
	struct child_list kids = children_of(c);
	if (kids.count > 0)
		call->callee = value_of(ex, kids.items[0]);
	call->callee_name = call->callee.name ? sova_xstrdup(call->callee.name) : sova_xstrdup("(function pointer)");
}

static void leave_call(struct extractor *ex, CXCursor c)
{
	struct sova_call call;
	memset(&call, 0, sizeof(call));
	call.loc = loc_of_range(ex, clang_getCursorExtent(c));
	record_callee(ex, c, &call);
	call.returns = pointee_name(clang_getCursorType(c));
	int nargs = clang_Cursor_getNumArguments(c);
	if (nargs > 0) {
		call.args = sova_xcalloc((size_t)nargs, sizeof(*call.args));
		call.nargs = (size_t)nargs;
		for (int i = 0; i < nargs; i++)
			call.args[i] = value_of(ex, clang_Cursor_getArgument(c, (unsigned)i));
	}
	add_guards(ex, &call);
	int index = (int)ex->func->ncalls;
	SOVA_PUSH(ex->func->calls, ex->func->ncalls, ex->func->capcalls, call);
	call_table_put(&ex->calls, c, index);
	struct frame *cond = asserting_if(ex);
	if (cond)
		SOVA_PUSH(cond->cond_calls, cond->ncond, cond->capcond, index);
}

static void leave_binary(struct extractor *ex, CXCursor c)
{
	if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Pointer)
		return;
	char op[8];
	binary_operator(ex->tu, c, op, sizeof(op));
	if (strcmp(op, "=") != 0)
		return;
	struct child_list kids = children_of(c);
	add_assign(ex, value_of(ex, kids.items[0]), value_of(ex, kids.items[1]));
}

static void leave_var(struct extractor *ex, CXCursor c)
{
	struct child_list kids = children_of(c);
	if (!kids.has_last_expr || is_kind(kids.last_expr, CXCursor_InitListExpr))
		return;
	add_assign(ex, value_of_decl(c), value_of(ex, kids.last_expr));
}

struct field_walk {
	int wanted;
	int seen;
	CXCursor field;
	int found;
};

static enum CXVisitorResult nth_field(CXCursor c, CXClientData data)
{
	struct field_walk *w = data;
	if (w->seen++ == w->wanted) {
		w->field = c;
		w->found = 1;
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

struct init_walk {
	struct extractor *ex;
	CXType type;       /* canonical type of the initializer list */
	CXCursor owner;    /* the variable initialized, for arrays */
	int owner_is_var;
	int position;
};

/* The field a designated initializer names: the last member designator. */
static int designated_field(CXCursor init, CXCursor *field, CXCursor *value)
{
	struct child_list kids = children_of(init);
	int found = 0;
	for (size_t i = 0; i < kids.count && i < 8; i++) {
		if (is_kind(kids.items[i], CXCursor_MemberRef)) {
			*field = clang_getCursorReferenced(kids.items[i]);
			found = 1;
		}
	}
	if (found && kids.has_last_expr)
		*value = kids.last_expr;
	return found && kids.has_last_expr;
}

static enum CXChildVisitResult init_element(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct init_walk *w = data;
	if (!clang_isExpression(clang_getCursorKind(c)) || is_kind(c, CXCursor_InitListExpr)) {
		w->position++;
		return CXChildVisit_Continue;
	}
	CXCursor field, value;
	if (w->type.kind == CXType_Record && designated_field(c, &field, &value)) {
		add_assign(w->ex, value_of_decl(field), value_of(w->ex, value));
	} else if (w->type.kind == CXType_Record) {
		struct field_walk fw = { .wanted = w->position };
		clang_Type_visitFields(w->type, nth_field, &fw);
		if (fw.found)
			add_assign(w->ex, value_of_decl(fw.field), value_of(w->ex, c));
	} else if (w->owner_is_var) {
		struct sova_val target = value_of_decl(w->owner);
		target.element = 1;
		add_assign(w->ex, target, value_of(w->ex, c));
	}
	w->position++;
	return CXChildVisit_Continue;
}

static void leave_init_list(struct extractor *ex, CXCursor c)
{
	struct init_walk w = { .ex = ex, .type = clang_getCanonicalType(clang_getCursorType(c)) };
	if (ex->depth >= 2 && ex->stack[ex->depth - 2].kind == CXCursor_VarDecl) {
		w.owner = ex->stack[ex->depth - 2].cursor;
		w.owner_is_var = 1;
	}
	if (w.type.kind != CXType_Record && !w.owner_is_var)
		return;
	clang_visitChildren(c, init_element, &w);
}

static void leave_return(struct extractor *ex, CXCursor c)
{
	struct child_list kids = children_of(c);
	if (!kids.has_last_expr)
		return;
	struct sova_val v = value_of(ex, kids.last_expr);
	SOVA_PUSH(ex->func->returns, ex->func->nreturns, ex->func->capreturns, v);
}

/* ---- functions and declarations ---- */

static enum CXChildVisitResult collect_annotation(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (!is_kind(c, CXCursor_AnnotateAttr))
		return CXChildVisit_Continue;
	struct sova_decl *d = data;
	SOVA_PUSH(d->annotations, d->nannotations, d->capannotations, take_string(clang_getCursorSpelling(c)));
	return CXChildVisit_Continue;
}

static void enter_function(struct extractor *ex, CXCursor c, struct frame *f)
{
	struct sova_decl decl;
	memset(&decl, 0, sizeof(decl));
	clang_visitChildren(c, collect_annotation, &decl);
	if (!clang_isCursorDefinition(c)) {
		if (!decl.nannotations)
			return;
		decl.usr = take_string(clang_getCursorUSR(c));
		decl.name = take_string(clang_getCursorSpelling(c));
		SOVA_PUSH(ex->facts->decls, ex->facts->ndecls, ex->facts->capdecls, decl);
		return;
	}
	struct sova_func fn;
	memset(&fn, 0, sizeof(fn));
	fn.usr = take_string(clang_getCursorUSR(c));
	fn.name = take_string(clang_getCursorSpelling(c));
	fn.loc = loc_of_name(ex, c, fn.name);
	fn.external = clang_getCursorLinkage(c) == CXLinkage_External;
	fn.annotations = decl.annotations;
	fn.nannotations = decl.nannotations;
	fn.capannotations = decl.capannotations;
	SOVA_PUSH(ex->facts->funcs, ex->facts->nfuncs, ex->facts->capfuncs, fn);
	ex->func = &ex->facts->funcs[ex->facts->nfuncs - 1];
	call_table_reset(&ex->calls);
	f->opens_func = 1;
}

static void leave(struct extractor *ex)
{
	struct frame *f = &ex->stack[ex->depth - 1];
	if (ex->func) {
		switch (f->kind) {
		case CXCursor_CallExpr:
			leave_call(ex, f->cursor);
			break;
		case CXCursor_BinaryOperator:
			leave_binary(ex, f->cursor);
			break;
		case CXCursor_ReturnStmt:
			leave_return(ex, f->cursor);
			break;
		default:
			break;
		}
	}
	if (f->kind == CXCursor_VarDecl)
		leave_var(ex, f->cursor);
	else if (f->kind == CXCursor_InitListExpr)
		leave_init_list(ex, f->cursor);
	if (f->opens_func)
		ex->func = NULL;
	free(f->cond_calls);
	ex->depth--;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct extractor *ex = data;
	while (ex->depth > 1 && !clang_equalCursors(ex->stack[ex->depth - 1].cursor, parent))
		leave(ex);
	struct frame *up = &ex->stack[ex->depth - 1];
	up->children++;
	if (up->kind == CXCursor_IfStmt)
		up->in_then = up->children == 2;
	enum CXCursorKind kind = clang_getCursorKind(c);
	if ((kind == CXCursor_FunctionDecl || kind == CXCursor_VarDecl) && !ex->func && in_system_header(c))
		return CXChildVisit_Continue;
	SOVA_GROW(ex->stack, ex->depth, ex->cap);
	struct frame *f = &ex->stack[ex->depth++];
	memset(f, 0, sizeof(*f));
	f->cursor = c;
	f->kind = kind;
	if (kind == CXCursor_FunctionDecl) {
		enter_function(ex, c, f);
		if (!f->opens_func) {
			ex->depth--;
			return CXChildVisit_Continue;
		}
	}
	return CXChildVisit_Recurse;
}

void sova_extract(CXTranslationUnit tu, const char *directory, struct sova_tu_facts *facts)
{
	struct extractor ex;
	memset(&ex, 0, sizeof(ex));
	ex.tu = tu;
	ex.directory = directory;
	ex.facts = facts;
	sova_strmap_init(&ex.file_index);
	CXCursor root = clang_getTranslationUnitCursor(tu);
	SOVA_GROW(ex.stack, ex.depth, ex.cap);
	memset(&ex.stack[0], 0, sizeof(ex.stack[0]));
	ex.stack[0].cursor = root;
	ex.stack[0].kind = CXCursor_TranslationUnit;
	ex.depth = 1;
	clang_visitChildren(root, visit, &ex);
	while (ex.depth > 1)
		leave(&ex);
	free(ex.stack);
	call_table_reset(&ex.calls);
	sova_strmap_free(&ex.file_index);
	free(ex.file_cache);
}
