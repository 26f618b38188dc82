/* extract.c - stage 3: walks one libclang AST and fills its per-TU summary.
 *
 * One clang_visitChildren pass in CXChildVisit_Recurse mode. libclang reports
 * only entries, so the walker keeps its own stack of open nodes and "leaves"
 * a node when the next cursor's parent is further up. Calls are recorded on
 * leaving them, so the calls inside an argument list get their indexes first
 * and an outer call can name them (fut_get(fut_submit(...))). The walk has no
 * recursion of its own: deeply nested code costs heap, not stack. */
#define _GNU_SOURCE /* memmem */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "suppress.h"

/* ---- locations ---- */

static int file_index_of(struct extractor *ex, CXFile file)
{
	for (size_t i = 0; i < ex->nfile_cache; i++)
		if (ex->file_cache[i].file == file)
			return ex->file_cache[i].index;
	char *path = ext_take_string(clang_File_tryGetRealPathName(file));
	if (!path[0]) {
		free(path);
		path = ext_take_string(clang_getFileName(file));
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
		SOVA_PUSH(ex->facts->files, ex->facts->nfiles, ex->facts->capfiles, ext_str(ex, path));
	}
	free(path);
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

/* ---- calls ---- */

/* The name of the type a pointer-typed expression points to: the struct tag,
 * or the typedef name for an anonymous struct. NULL for non-pointers. */
static const char *pointee_name(struct extractor *ex, CXType type)
{
	CXType canon = clang_getCanonicalType(type);
	if (canon.kind != CXType_Pointer)
		return NULL;
	/* Futures are structs; naming every char * and void * result costs a type print each. */
	if (clang_getCanonicalType(clang_getPointeeType(canon)).kind != CXType_Record)
		return NULL;
	CXType pointee = clang_getPointeeType(type);
	char *spelling = ext_take_string(clang_getTypeSpelling(clang_getCanonicalType(pointee)));
	if (strstr(spelling, "(anonymous") || strstr(spelling, "(unnamed")) {
		free(spelling);
		spelling = ext_take_string(clang_getTypeSpelling(pointee));
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
	const char *name = ext_str(ex, s);
	free(spelling);
	return name;
}

/* For a callee expression o->f or o.f, under casts, parentheses or a *,
 * what o is; UNKNOWN for any other callee. */
static struct sova_val callee_object_of(struct extractor *ex, CXCursor callee)
{
	struct sova_val none = { .kind = SOVA_VAL_UNKNOWN };
	for (int depth = 0; depth < 64; depth++) {
		enum CXCursorKind kind = clang_getCursorKind(callee);
		if (kind == CXCursor_MemberRefExpr) {
			CXCursor object = ext_child_at(ex, callee, 0);
			return clang_Cursor_isNull(object) ? none : ext_value_of(ex, object);
		}
		int wrapper = kind == CXCursor_ParenExpr || kind == CXCursor_UnexposedExpr ||
			      kind == CXCursor_CStyleCastExpr ||
			      (kind == CXCursor_UnaryOperator && ext_first_char(ex, callee) == '*');
		if (!wrapper || !ext_wrapped_expr(ex, callee, &callee))
			return none;
	}
	return none;
}

/* What is called: a function named directly, or whatever the callee
 * expression holds. The callee is the call's first child. */
static void record_callee(struct extractor *ex, const struct frame *f, struct sova_call *call)
{
	struct sova_val callee = { .kind = SOVA_VAL_UNKNOWN };
	if (f->children > 0)
		callee = ext_value_of(ex, f->first);
	if (f->children > 0 && !(callee.kind == SOVA_VAL_FUNC && !callee.element))
		call->callee_object = callee_object_of(ex, f->first);
	if (callee.kind == SOVA_VAL_FUNC && !callee.element) {
		call->callee_usr = callee.usr;
		call->callee_name = callee.name ? callee.name : callee.usr;
		return;
	}
	call->callee = callee;
	call->callee_name = callee.name ? callee.name : ext_str(ex, "(function pointer)");
}

static CXType without_elaboration(CXType t)
{
	return t.kind == CXType_Elaborated ? clang_Type_getNamedType(t) : t;
}

/* The callee's parameter type at index, by name: a typedef of a function
 * pointer (g_file_read_async's GAsyncReadyCallback), or a pointer to a
 * typedef (its GCancellable *). Models give the first a context wherever a
 * function is passed as one, and match blocking functions by the second. */
static const char *param_type_name(struct extractor *ex, CXType callee_type, int index)
{
	CXType t = without_elaboration(clang_getArgType(callee_type, (unsigned)index));
	if (t.kind == CXType_Pointer) {
		CXType pointee = without_elaboration(clang_getPointeeType(t));
		return pointee.kind == CXType_Typedef ? ext_cxstr(ex, clang_getTypedefName(pointee)) : NULL;
	}
	if (t.kind != CXType_Typedef)
		return NULL;
	CXType canon = clang_getCanonicalType(t);
	if (canon.kind != CXType_Pointer)
		return NULL;
	enum CXTypeKind pointee = clang_getPointeeType(canon).kind;
	if (pointee != CXType_FunctionProto && pointee != CXType_FunctionNoProto)
		return NULL;
	return ext_cxstr(ex, clang_getTypedefName(t));
}

static void leave_call(struct extractor *ex, const struct frame *f)
{
	CXCursor c = f->cursor;
	struct sova_call call;
	memset(&call, 0, sizeof(call));
	call.loc = loc_of_range(ex, clang_getCursorExtent(c));
	record_callee(ex, f, &call);
	call.returns = pointee_name(ex, clang_getCursorType(c));
	int nargs = clang_Cursor_getNumArguments(c);
	CXCursor callee = clang_getCursorReferenced(c);
	CXType callee_type = clang_getCursorKind(callee) == CXCursor_FunctionDecl ? clang_getCursorType(callee)
										   : (CXType){ .kind = CXType_Invalid };
	int nparams = callee_type.kind == CXType_FunctionProto ? clang_getNumArgTypes(callee_type) : 0;
	if (nargs > 0) {
		call.args = sova_xcalloc((size_t)nargs, sizeof(*call.args));
		call.nargs = (size_t)nargs;
		for (int i = 0; i < nargs; i++) {
			CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
			call.args[i] = ext_value_of(ex, arg);
			if (call.args[i].kind == SOVA_VAL_UNKNOWN)
				ext_derived_arg(ex, arg, i, &call);
			if (i < nparams)
				call.args[i].param_type = param_type_name(ex, callee_type, i);
		}
	}
	ext_call_conditions(ex, &call);
	ext_stores_call(ex, &call);
	ext_order_call(ex, &call);
	struct sova_func *fn = ext_func(ex);
	int index = (int)fn->ncalls;
	SOVA_PUSH(fn->calls, fn->ncalls, fn->capcalls, call);
	ext_node_table_put(&ex->calls, c, index);
}

/* ---- assignments and returns ---- */

/* The struct whose field an lvalue names: w in w->func, &f->work in (&f->work)->func. */
static struct sova_val object_of(struct extractor *ex, CXCursor lhs)
{
	struct sova_val none = { .kind = SOVA_VAL_UNKNOWN };
	while (ext_is_kind(lhs, CXCursor_ParenExpr) || ext_is_kind(lhs, CXCursor_UnexposedExpr)) {
		struct child_list kids;
		ext_children(ex, lhs, &kids);
		int one = kids.count == 1;
		if (one)
			lhs = kids.items[0];
		ext_children_free(&kids);
		if (!one)
			return none;
	}
	if (!ext_is_kind(lhs, CXCursor_MemberRefExpr))
		return none;
	struct child_list kids;
	ext_children(ex, lhs, &kids);
	struct sova_val object = kids.count ? ext_value_of(ex, kids.items[0]) : none;
	ext_children_free(&kids);
	return object;
}

static int is_pointer(CXCursor c)
{
	return clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Pointer;
}

/* The function's frame: where what it writes is noted until it closes. */
static struct frame *function_frame_of(struct extractor *ex)
{
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].opens_func)
			return &ex->stack[i];
	return NULL;
}

/* o.f = CONST and o.f |= CONST into an integer member: what a model's
 * condition on a field reads (getaddrinfo's hints.ai_flags). Any other
 * store into the member leaves its value unknown: the constants stored
 * into it are dropped when the function closes. *p = CONST too: a
 * callback setting the flag a nested loop waits on (loopwrappers.c). */
static void leave_field_store(struct extractor *ex, struct frame *f, int compound)
{
	if (f->children != 2 || is_pointer(f->cursor))
		return;
	if (!ext_is_kind(f->first, CXCursor_MemberRefExpr) &&
	    !(ext_is_kind(f->first, CXCursor_UnaryOperator) && ext_first_char(ex, f->first) == '*'))
		return;
	/* The operator only matters for a constant: finding it reads tokens. */
	struct sova_val value = ext_int_value(f->second);
	int constant = value.kind == SOVA_VAL_INT && strcmp(ext_frame_operator(ex, f), compound ? "|=" : "=") == 0;
	struct sova_val target = ext_value_of(ex, f->first);
	struct frame *fn = function_frame_of(ex);
	if (!constant) {
		if (fn && target.path)
			SOVA_PUSH(fn->unknown_stores, fn->nunknown_stores, fn->capunknown_stores, target.path);
		return;
	}
	if (!compound && ex->depth >= 2)
		ext_stores_note(ex, &ex->stack[ex->depth - 2], f->first, value.num);
	ext_add_assign(ex, target, value, object_of(ex, f->first));
	struct sova_func *func = ext_func(ex);
	if (compound && func->nassigns)
		func->assigns[func->nassigns - 1].or_bits = 1;
}

/* Drops the constants stored into members that other stores made unknown. */
static void drop_unknown_stores(struct sova_func *fn, const struct frame *f)
{
	size_t kept = 0;
	for (size_t i = 0; i < fn->nassigns; i++) {
		const struct sova_assign *a = &fn->assigns[i];
		int unknown = 0;
		for (size_t k = 0; a->value.kind == SOVA_VAL_INT && a->target.path && k < f->nunknown_stores && !unknown;
		     k++)
			unknown = strcmp(a->target.path, f->unknown_stores[k]) == 0;
		if (!unknown)
			fn->assigns[kept++] = fn->assigns[i];
	}
	fn->nassigns = kept;
}

static void leave_binary(struct extractor *ex, struct frame *f)
{
	CXCursor c = f->cursor;
	leave_field_store(ex, f, 0);
	if (!is_pointer(c))
		return;
	struct child_list kids;
	ext_children(ex, c, &kids);
	/* Storing a pointer puts a pointer on the right, converted if need be;
	 * pointer arithmetic (s - n) is settled without reading the operator. */
	if (kids.count != 2 || !ext_pointer_like(kids.items[1]) || !ext_lvalue_form(kids.items[0])) {
		ext_children_free(&kids);
		return;
	}
	const char *op = ext_frame_operator(ex, f);
	/* A macro in a header hides its operator from the tokenizer (INIT_WORK's
	 * (_work)->func = (_func)); a pointer stored into a pointer lvalue is
	 * then taken for the assignment it almost always is. */
	if (strcmp(op, "=") == 0 || !op[0])
		ext_add_assign(ex, ext_value_of(ex, kids.items[0]), ext_value_of(ex, kids.items[1]),
			       object_of(ex, kids.items[0]));
	ext_children_free(&kids);
}

static void leave_var(struct extractor *ex, CXCursor c)
{
	struct child_list kids;
	ext_children(ex, c, &kids);
	if (kids.last_expr >= 0 && !ext_is_kind(kids.items[kids.last_expr], CXCursor_InitListExpr))
		ext_add_assign(ex, ext_value_of_decl(ex, c), ext_value_of(ex, kids.items[kids.last_expr]),
			       (struct sova_val){ .kind = SOVA_VAL_UNKNOWN });
	if (kids.last_expr >= 0 && ext_func(ex))
		ext_locals_note_init(ex, c, kids.items[kids.last_expr]);
	ext_children_free(&kids);
}

/* Only the outermost list of a nest is recorded; it walks the inner ones. */
static void leave_init_list(struct extractor *ex)
{
	const struct frame *up = ex->depth >= 2 ? &ex->stack[ex->depth - 2] : NULL;
	const struct frame *up2 = ex->depth >= 3 ? &ex->stack[ex->depth - 3] : NULL;
	if (up && up->kind == CXCursor_InitListExpr)
		return;
	if (up && up->kind == CXCursor_UnexposedExpr && up2 && up2->kind == CXCursor_InitListExpr)
		return;
	struct sova_val owner = { .kind = SOVA_VAL_UNKNOWN };
	if (up && up->kind == CXCursor_VarDecl)
		owner = ext_value_of_decl(ex, up->cursor);
	ext_init_list(ex, ex->stack[ex->depth - 1].cursor, &owner);
}

static void leave_return(struct extractor *ex, CXCursor c)
{
	struct child_list kids;
	ext_children(ex, c, &kids);
	if (kids.last_expr >= 0) {
		struct sova_val v = ext_value_of(ex, kids.items[kids.last_expr]);
		struct sova_func *fn = ext_func(ex);
		SOVA_PUSH(fn->returns, fn->nreturns, fn->capreturns, v);
	}
	ext_children_free(&kids);
}

/* ---- functions and declarations ---- */

struct annotation_walk {
	struct extractor *ex;
	struct sova_decl *decl;
};

static enum CXChildVisitResult collect_annotation(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (!ext_is_kind(c, CXCursor_AnnotateAttr))
		return CXChildVisit_Continue;
	struct annotation_walk *walk = data;
	struct sova_decl *d = walk->decl;
	SOVA_PUSH(d->annotations, d->nannotations, d->capannotations,
		  ext_cxstr(walk->ex, clang_getCursorSpelling(c)));
	return CXChildVisit_Continue;
}

/* Makes fn the function being extracted, until the frame f is left. */
static void open_function(struct extractor *ex, struct frame *f, struct sova_func *fn)
{
	SOVA_PUSH(ex->facts->funcs, ex->facts->nfuncs, ex->facts->capfuncs, *fn);
	f->opens_func = 1;
	f->saved_func = ex->func;
	f->saved_calls = sova_xmalloc(sizeof(*f->saved_calls));
	f->saved_temps = sova_xmalloc(sizeof(*f->saved_temps));
	*f->saved_calls = ex->calls;
	*f->saved_temps = ex->temps;
	memset(&ex->calls, 0, sizeof(ex->calls));
	memset(&ex->temps, 0, sizeof(ex->temps));
	ex->func = (int)ex->facts->nfuncs - 1;
}

static void close_function(struct extractor *ex, struct frame *f)
{
	ext_locals_close(ext_func(ex), f); /* tests made through locals written twice go first */
	ext_entry_close(ex, ext_func(ex), f); /* before the written tests leave conds */
	ext_stores_close(ext_func(ex));
	ext_drop_written_params(ext_func(ex), f);
	drop_unknown_stores(ext_func(ex), f);
	ext_node_table_reset(&ex->calls);
	ext_node_table_reset(&ex->temps);
	ex->calls = *f->saved_calls;
	ex->temps = *f->saved_temps;
	free(f->saved_calls);
	free(f->saved_temps);
	ex->func = f->saved_func;
}

static void enter_function(struct extractor *ex, CXCursor c, struct frame *f)
{
	struct sova_decl decl;
	memset(&decl, 0, sizeof(decl));
	struct annotation_walk walk = { ex, &decl };
	clang_visitChildren(c, collect_annotation, &walk);
	if (!clang_isCursorDefinition(c)) {
		if (!decl.nannotations)
			return;
		decl.usr = ext_usr(ex, c);
		decl.name = ext_cxstr(ex, clang_getCursorSpelling(c));
		SOVA_PUSH(ex->facts->decls, ex->facts->ndecls, ex->facts->capdecls, decl);
		return;
	}
	struct sova_func fn;
	memset(&fn, 0, sizeof(fn));
	fn.usr = ext_usr(ex, c);
	fn.name = ext_cxstr(ex, clang_getCursorSpelling(c));
	fn.loc = loc_of_name(ex, c, fn.name);
	fn.external = clang_getCursorLinkage(c) == CXLinkage_External;
	fn.annotations = decl.annotations;
	fn.nannotations = decl.nannotations;
	fn.capannotations = decl.capannotations;
	open_function(ex, f, &fn);
}

/* A block literal (^{ ... }, with -fblocks) is a function of its own: the
 * work handed to dispatch_async, say. Its calls are its own, not its maker's. */
static void enter_block(struct extractor *ex, CXCursor c, struct frame *f)
{
	struct sova_func fn;
	memset(&fn, 0, sizeof(fn));
	fn.loc = loc_of_range(ex, clang_getCursorExtent(c));
	const char *scope = ext_func(ex) ? ext_func(ex)->usr : ex->facts->main_file;
	fn.usr = sova_strpool_printf(&ex->facts->strings, "%s@block%d", scope, ex->nblocks++);
	fn.name = sova_strpool_printf(&ex->facts->strings, "block at line %u", fn.loc.line);
	fn.loc.end_line = fn.loc.line;
	fn.loc.end_col = fn.loc.col + 1;
	open_function(ex, f, &fn);
	ext_node_table_put(&ex->blocks, c, ex->func);
}

/* ---- suppression comments ---- */

/* Every line of the TU's files that mentions a suppression comment. The
 * text is in libclang's buffers now; later, only these lines are needed. */
static void find_markers(struct extractor *ex)
{
	struct sova_tu_facts *facts = ex->facts;
	unsigned char *scanned = sova_xcalloc(facts->nfiles + 1, 1);
	static const char marker[] = SOVA_SUPPRESS_MARKER;
	for (size_t i = 0; i < ex->nfile_cache; i++) {
		int index = ex->file_cache[i].index;
		size_t size = 0;
		const char *text = scanned[index] ? NULL : clang_getFileContents(ex->tu, ex->file_cache[i].file, &size);
		scanned[index] = 1;
		const char *end = text ? text + size : NULL, *at = text, *line_start = text;
		unsigned line = 1;
		while (at && (at = memmem(at, (size_t)(end - at), marker, sizeof(marker) - 1))) {
			for (; line_start < at; line_start++) /* count the lines up to the marker */
				if (*line_start == '\n')
					line++;
			const char *first = at;
			while (first > text && first[-1] != '\n')
				first--;
			const char *last = memchr(at, '\n', (size_t)(end - at));
			last = last ? last : end;
			at = last;
			while (last > first && last[-1] == '\r')
				last--;
			struct sova_marker m = { index, line, sova_strpool_addn(&facts->strings, first, (size_t)(last - first)) };
			SOVA_PUSH(facts->markers, facts->nmarkers, facts->capmarkers, m);
		}
	}
	free(scanned);
}

/* ---- the walk ---- */

static void leave(struct extractor *ex)
{
	struct frame *f = &ex->stack[ex->depth - 1];
	ext_remember_children(ex, f);
	if (ext_func(ex)) {
		if (f->kind == CXCursor_CallExpr)
			leave_call(ex, f);
		else if (f->kind == CXCursor_BinaryOperator)
			leave_binary(ex, f);
		else if (f->kind == CXCursor_CompoundAssignOperator)
			leave_field_store(ex, f, 1);
		else if (f->kind == CXCursor_ReturnStmt)
			leave_return(ex, f->cursor);
		else if (f->kind == CXCursor_IfStmt)
			ext_leave_if(ex, f);
	}
	ext_fatal_leave(ex, f, ex->depth > 1 ? &ex->stack[ex->depth - 2] : NULL);
	ext_order_leave(ex, f, ex->depth > 1 ? &ex->stack[ex->depth - 2] : NULL);
	if (f->kind == CXCursor_VarDecl)
		leave_var(ex, f->cursor);
	else if (f->kind == CXCursor_InitListExpr)
		leave_init_list(ex);
	if (f->opens_func)
		close_function(ex, f);
	ext_held_free(&f->held);
	ext_held_free(&f->after);
	free(f->labels.values);
	free(f->gotos.sites);
	free(f->written);
	free(f->cleared);
	free(f->written_fields);
	free(f->written_at);
	free(f->entry_tests);
	free(f->pending_eithers);
	free(f->local_writes);
	free(f->provisional);
	free(f->stores);
	free(f->unknown_stores);
	ex->depth--;
}

/* Operands that are never evaluated: sizeof, _Alignof, and the controlling
 * expression of _Generic. A call there does not happen. */
static int unevaluated(const struct frame *up, enum CXCursorKind kind)
{
	return kind == CXCursor_UnaryExpr || (up->kind == CXCursor_GenericSelectionExpr && up->children == 1);
}

/* References (a cast's type, a label), attributes and literals hold
 * nothing sova reads: they get no frame, and the walk does not descend. */
static int nothing_below(enum CXCursorKind kind)
{
	return clang_isReference(kind) || clang_isAttribute(kind) || kind == CXCursor_IntegerLiteral ||
	       kind == CXCursor_FloatingLiteral || kind == CXCursor_StringLiteral || kind == CXCursor_CharacterLiteral;
}

/* ---- static functions of included files ---- */

/* A declaration's node keys the tables (they key on data[1]). */
static CXCursor decl_key(CXCursor decl)
{
	CXCursor key = clang_getCanonicalCursor(decl);
	key.data[1] = key.data[0];
	return key;
}

/* A reference to a function: the TU may run it. */
static void note_function_use(struct extractor *ex, CXCursor ref)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	if (ext_is_kind(decl, CXCursor_FunctionDecl))
		ext_node_table_put(&ex->used_funcs, decl_key(decl), 1);
}

struct attr_walk {
	struct extractor *ex;
	int found;
};

/* Attributes that make a function run without being named, or say where
 * it runs (annotate("sova:worker")): the program may run it by means sova
 * does not see. */
static enum CXChildVisitResult find_runner_attr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	static const char *const runners[] = { "constructor", "__constructor__", "destructor", "__destructor__",
					       "used", "__used__", NULL };
	if (!clang_isAttribute(clang_getCursorKind(c)))
		return CXChildVisit_Continue;
	struct attr_walk *walk = data;
	if (ext_is_kind(c, CXCursor_AnnotateAttr)) {
		walk->found = 1;
		return CXChildVisit_Break;
	}
	char name[32];
	ext_first_token(walk->ex, c, name, sizeof(name));
	for (size_t i = 0; runners[i] && !walk->found; i++)
		walk->found = strcmp(name, runners[i]) == 0;
	return walk->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

static int runs_unnamed(struct extractor *ex, CXCursor c)
{
	if (!clang_Cursor_hasAttrs(c))
		return 0;
	struct attr_walk walk = { ex, 0 };
	clang_visitChildren(c, find_runner_attr, &walk);
	return walk.found;
}

/* A static function defined in an included file runs only if this TU
 * names it; most are never named (glib's headers define a thousand
 * g_autoptr cleanup functions in every TU), and their bodies were most of
 * the extraction's time. Such a body is walked at the end, once the rest
 * of the TU named the function. Not deferred: a function a macro defines
 * in the TU's own file (its expansion is there), and one that runs
 * unnamed (a constructor, destructor or `used` function) or is annotated. */
static int defer_function(struct extractor *ex, CXCursor c)
{
	if (ex->func >= 0 || ex->walking_deferred || !clang_isCursorDefinition(c) ||
	    clang_getCursorLinkage(c) != CXLinkage_Internal)
		return 0;
	CXFile file;
	clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
	if (!file || !ex->main_file || clang_File_isEqual(file, ex->main_file) || runs_unnamed(ex, c))
		return 0;
	SOVA_PUSH(ex->deferred, ex->ndeferred, ex->capdeferred, c);
	return 1;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data);

/* Walks the deferred functions the TU named, and those they name, in the
 * order they were met: the same facts whatever the order of the TU. */
static void extract_deferred(struct extractor *ex, CXCursor root)
{
	unsigned char *done = sova_xcalloc(ex->ndeferred + 1, 1);
	for (int progress = 1; progress;) {
		progress = 0;
		for (size_t i = 0; i < ex->ndeferred; i++) {
			if (done[i] || ext_node_table_get(&ex->used_funcs, decl_key(ex->deferred[i])) < 0)
				continue;
			done[i] = 1;
			progress = 1;
			ex->func = -1;
			ex->walking_deferred = 1;
			if (visit(ex->deferred[i], root, ex) == CXChildVisit_Recurse)
				clang_visitChildren(ex->deferred[i], visit, ex);
			while (ex->depth > 1)
				leave(ex);
			ex->walking_deferred = 0;
		}
	}
	free(done);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct extractor *ex = data;
	while (ex->depth > 1 && !clang_equalCursors(ex->stack[ex->depth - 1].cursor, parent))
		leave(ex);
	struct frame *up = &ex->stack[ex->depth - 1];
	up->children++;
	if (ex->func >= 0 && up->kind == CXCursor_CompoundStmt)
		ext_stores_next_stmt(ex, up);
	if (up->children == 1)
		up->first = c;
	else if (up->children == 2)
		up->second = c;
	enum CXCursorKind kind = clang_getCursorKind(c);
	if (kind >= CXCursor_FirstExpr && kind <= CXCursor_LastExpr) { /* clang_isExpression, without a call */
		up->last_expr = c;
		up->last_expr_index = up->children - 1;
	}
	if ((kind == CXCursor_DeclRefExpr || kind == CXCursor_MemberRefExpr) && ex->func >= 0 &&
	    ext_note_write(ex, c, up)) {
		ext_stores_forget(ex, c, up);
		ext_locals_note_write(ex, c, up);
	}
	if ((kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt || kind == CXCursor_LabelStmt) && ex->func >= 0)
		ext_enter_label(ex, c);
	if (kind == CXCursor_DeclRefExpr)
		note_function_use(ex, c);
	if (unevaluated(up, kind) || nothing_below(kind))
		return CXChildVisit_Continue;
	/* A prototype matters only for its annotations; most have no attributes. */
	if (kind == CXCursor_FunctionDecl && !clang_Cursor_hasAttrs(c) && !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if ((kind == CXCursor_FunctionDecl || kind == CXCursor_VarDecl) && ex->func < 0 &&
	    clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (kind == CXCursor_FunctionDecl && defer_function(ex, c))
		return CXChildVisit_Continue;
	/* A file-scope table of numbers and strings holds no call and nothing sova tracks. */
	if (kind == CXCursor_InitListExpr && ex->func < 0 && ext_plain_data_array(clang_getCursorType(c)))
		return CXChildVisit_Continue;
	/* Type declarations hold no code: their fields are reached through uses. */
	if (ex->func < 0 && (kind == CXCursor_StructDecl || kind == CXCursor_UnionDecl || kind == CXCursor_EnumDecl ||
			     kind == CXCursor_TypedefDecl))
		return CXChildVisit_Continue;
	SOVA_GROW(ex->stack, ex->depth, ex->cap);
	struct frame *f = &ex->stack[ex->depth++];
	memset(f, 0, sizeof(*f));
	f->cursor = c;
	f->kind = kind;
	f->last_expr_index = -1;
	if (kind == CXCursor_FunctionDecl) {
		enter_function(ex, c, f);
		if (!f->opens_func) {
			ex->depth--;
			return CXChildVisit_Continue;
		}
	} else if (kind == CXCursor_BlockExpr) {
		enter_block(ex, c, f);
	}
	ext_fatal_enter(ex, f);
	return CXChildVisit_Recurse;
}

void sova_extract(CXTranslationUnit tu, const char *directory, struct sova_tu_facts *facts)
{
	struct extractor ex;
	memset(&ex, 0, sizeof(ex));
	ex.tu = tu;
	ex.directory = directory;
	ex.facts = facts;
	ex.func = -1;
	ex.recent = sova_xcalloc(RECENT_NODES, sizeof(*ex.recent));
	sova_strmap_init(&ex.file_index);
	CXCursor root = clang_getTranslationUnitCursor(tu);
	ex.main_file = clang_getFile(tu, facts->main_file);
	SOVA_GROW(ex.stack, ex.depth, ex.cap);
	memset(&ex.stack[0], 0, sizeof(ex.stack[0]));
	ex.stack[0].cursor = root;
	ex.stack[0].kind = CXCursor_TranslationUnit;
	ex.depth = 1;
	clang_visitChildren(root, visit, &ex);
	while (ex.depth > 1)
		leave(&ex);
	extract_deferred(&ex, root);
	find_markers(&ex);
	free(ex.stack);
	ext_node_table_reset(&ex.calls);
	ext_node_table_reset(&ex.temps);
	ext_node_table_reset(&ex.blocks);
	ext_node_table_reset(&ex.decl_usrs);
	ext_node_table_reset(&ex.decl_values);
	ext_node_table_reset(&ex.operators);
	ext_node_table_reset(&ex.first_chars);
	ext_node_table_reset(&ex.noreturn_decls);
	ext_node_table_reset(&ex.used_funcs);
	free(ex.deferred);
	free(ex.recent);
	free(ex.usrs);
	free(ex.decl_vals);
	free(ex.operator_texts);
	sova_strmap_free(&ex.file_index);
	free(ex.file_cache);
}
