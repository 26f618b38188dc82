/* extract_internal.h - what the files of the extraction stage share:
 * extract.c (the walk, functions, calls), extract_values.c (what an
 * expression denotes), extract_init.c (initializer lists),
 * extract_conds.c (what holds whenever a call runs), extract_switch.c
 * and extract_labels.c (what switch labels and goto labels do to that),
 * extract_entry.c (tests of fields the function stores later),
 * extract_stores.c (constants stored into an argument's fields before a
 * call), extract_locals.c (writes to local variables), extract_fatal.c (calls on a path that ends the process) and
 * extract_order.c (where a call stands in its function's body). */
#ifndef SOVA_EXTRACT_INTERNAL_H
#define SOVA_EXTRACT_INTERNAL_H

#include <clang-c/Index.h>

#include "facts.h"
#include "util.h"

/* Maps an expression node already seen to a number: a call to its index in
 * the function, a conditional expression to its temporary.
 *
 * Keyed by the node itself (cursor.data[1]), not by clang_equalCursors: a
 * cursor's identity in libclang includes the declaration the visit started
 * from, and a visit started at a statement (to peel casts, say) has none, so
 * the same node seen from two visits compares unequal. */
struct node_table {
	const void **nodes;
	int *values;
	size_t cap, count;
};

/* The children of a node the walk has left, as it met them: the
 * extraction asks for an operand's children often (to peel a cast, to read
 * an operand), and each clang_visitChildren costs a thousand instructions.
 * A small direct-mapped table of the nodes left most recently answers most
 * of those questions; the rest go to libclang. */
#define RECENT_NODES 1024
struct recent_node {
	const void *node; /* NULL: empty */
	int count;        /* children */
	int last_expr_index;
	CXCursor first, second, last_expr;
};

/* A test of a local variable (param unused in cond), and where the test
 * ends: it holds at a later call while nothing writes the local. */
struct local_cond {
	const char *local;
	struct sova_cond cond;
	unsigned at;
};

/* local == value, value no constant (extract_conds.c): from at on, while
 * nothing writes the local, it holds that value. The same of a parameter
 * (local NULL), while the function never writes it. */
struct local_equal {
	const char *local;
	int param; /* when local is NULL */
	struct sova_val value;
	unsigned at;
	unsigned test; /* the test it comes from: the sides of one || share it */
};

/* What holds while some code runs: parameter tests, tests of locals, and
 * earlier calls whose result is known, as sova_call's guards (by index in
 * the function; -index - 1 for a false one). */
struct held {
	struct sova_cond *conds;
	size_t nconds, capconds;
	struct local_cond *local_conds;
	size_t nlocal_conds, caplocal_conds;
	/* Values a local equals: one of those listed for it (a || of
	 * equalities lists each side's). */
	struct local_equal *local_equals;
	size_t nlocal_equals, caplocal_equals;
	int *truths;
	size_t ntruths, captruths;
	/* Pairs of tests of which one holds (`if (E) { if (C) ...; else
	 * return; }` leaves !E or C): sova_call's entry_conds, once the
	 * function's end says neither side is written (extract_entry.c). */
	struct sova_either *eithers;
	size_t neithers, capeithers;
};

/* A pair of held's eithers around a call, kept until the function ends. */
struct pending_either {
	size_t call;
	struct sova_either either;
};

/* A write to a local variable (extract_locals.c): an initializer or a
 * plain `l = value` (plain), or another that may change it (l++, &l). */
struct local_write {
	const char *usr;
	unsigned at;
	CXCursor value; /* initializer: the value; else the assignment */
	int plain;
	int initializer;
};

/* A test of a parameter made through a local that had one write when it
 * was made: dropped at the function's close unless that write is the
 * local's only one. */
struct provisional_cond {
	const char *local;
	struct sova_cond cond;
};

/* A set of a switch's labels (extract_switch.c): all of them, read once
 * into the switch's frame, or those that reach a statement. */
struct switch_labels {
	int read;         /* all: read yet */
	int usable;       /* all: every label is a top-level integer case or default */
	int has_default;  /* reach: the default is among them */
	long *values;     /* the case labels' values */
	size_t nvalues, capvalues;
};

/* The gotos of a function, read once its first label is entered (extract_labels.c). */
struct goto_site {
	unsigned label_at; /* where the label it goes to is */
	unsigned offset;   /* where it is */
};
struct function_gotos {
	int read;
	int computed; /* a computed goto (goto *p), which may go to any label */
	struct goto_site *sites;
	size_t count, cap;
};

/* A constant a statement stored into a field of a local or parameter
 * (`it->state = DONE;`), still there (extract_stores.c). */
struct pending_store {
	struct sova_val base; /* the variable: LOCAL (usr) or PARAM (num) */
	int through_pointer;  /* it->f: the variable is the pointer; s.f: the struct itself */
	const char *path;     /* the members, as a sova_cond path */
	long value;
};

/* A test of a parameter's field around a call, kept until the function's
 * stores are known (extract_entry.c): where the test ends, and the loops
 * around it, outermost first. */
#define ENTRY_MAX_LOOPS 4
struct entry_loop {
	CXCursor loop;
	unsigned from, to;
};
struct entry_test {
	size_t call;
	struct sova_cond cond;
	unsigned test_end;
	int nloops; /* -1: more than ENTRY_MAX_LOOPS */
	struct entry_loop loops[ENTRY_MAX_LOOPS];
};

/* An AST node the walk has entered and not yet left. */
struct frame {
	CXCursor cursor;
	enum CXCursorKind kind;
	int children;          /* children entered so far */
	CXCursor first, second; /* the first two children, once entered */
	CXCursor last_expr;     /* the last expression child entered so far */
	int last_expr_index;    /* its index among the children, or -1 */
	struct held held;      /* what the node says of its child number held_for */
	int held_for;          /* 0 while held is not computed */
	struct held after;     /* CompoundStmt: what holds for its later children */
	struct switch_labels labels; /* SwitchStmt: its test and labels, once a call asks */
	int entered_sideways;  /* a label below it may be jumped to: its test says nothing after */
	struct function_gotos gotos; /* a function's frame: its gotos, once a label asks */
	int *written;          /* a function's frame: parameters it assigns */
	size_t nwritten, capwritten;
	int *cleared;          /* a function's frame: parameters it only takes bits from (x &= K) */
	size_t ncleared, capcleared;
	const char **written_fields; /* a function's frame: fields it assigns, by USR */
	size_t nwritten_fields, capwritten_fields;
	unsigned *written_at;        /* a function's frame: where each of those is assigned */
	size_t capwritten_at;
	struct entry_test *entry_tests; /* a function's frame: tests of fields (extract_entry.c) */
	size_t nentry_tests, capentry_tests;
	struct pending_either *pending_eithers; /* a function's frame: its calls' eithers (extract_entry.c) */
	size_t npending_eithers, cappending_eithers;
	struct local_write *local_writes; /* a function's frame: writes to its locals (extract_locals.c) */
	size_t nlocal_writes, caplocal_writes;
	struct provisional_cond *provisional; /* a function's frame: tests made through locals */
	size_t nprovisional, capprovisional;
	struct pending_store *stores; /* CompoundStmt: constants stored by its statements (extract_stores.c) */
	size_t nstores, capstores;
	size_t calls_at_stmt;         /* CompoundStmt: the function's calls when its current statement began */
	unsigned span_from, span_to;  /* where the node's source starts and ends, once span_known */
	int span_known;
	const char **unknown_stores; /* a function's frame: member paths stored other than by a constant */
	size_t nunknown_stores, capunknown_stores;
	int opens_func; /* a function or block whose body is being extracted */
	int saved_func; /* what was being extracted around it */
	struct node_table *saved_calls, *saved_temps;
	char op[8]; /* BinaryOperator: its operator, once asked for (op_known) */
	int op_known;
	/* Paths that end the process (extract_fatal.c). */
	int exits;            /* control may leave it early: return, goto, break, continue bits */
	int dies_at;          /* once left: where it ends the process (sova_call's dies_at), or 0 */
	int noreturn_callee;  /* CallExpr: the callee never returns */
	int child_dies_at[4]; /* dies_at of children 1 to 3 */
	size_t live_from;     /* CompoundStmt: the first call after the last child that may leave it */
	size_t dying_from;    /* CompoundStmt, once dying_at: the first call that dies */
	int dying_at;         /* CompoundStmt: where a child ends the process, or 0 */
	int left_early;       /* CompoundStmt: a child before that one may leave it */
	/* The call a function's body ends with (extract_fatal.c). */
	size_t call_stmt;     /* once left: the call this expression is (index + 1), through casts, or 0 */
	int is_body;          /* CompoundStmt: a function's body */
	size_t ends_with;     /* is_body: the call statement after which nothing may run, or 0 */
	int gone_to;          /* is_body: it holds a goto, which may run anything again */
	/* Where calls stand in the body (extract_order.c). */
	int has_loop;         /* once left: a loop is in it, or it is one */
	int prefix_ended;     /* is_body: a statement that may not complete in order was left */
	unsigned plain_prefix; /* is_body: the statements before that one */
};

#define SOVA_EXT_FILE_TEXTS 8

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
	int func; /* index of the function or block being extracted, or -1 at file scope */
	struct node_table calls; /* of the function being extracted */
	struct node_table temps; /* of the function being extracted */
	struct node_table blocks; /* block literals of the TU: node -> their function */
	struct node_table decl_usrs; /* declarations seen: decl node -> index in usrs */
	struct node_table noreturn_decls; /* function declarations called: decl node -> never returns */
	struct node_table used_funcs;     /* functions the TU names anywhere: canonical decl node -> 1 */
	CXFile main_file;                 /* the TU's own file */
	CXCursor *deferred;               /* static functions of included files, extracted once named */
	size_t ndeferred, capdeferred;
	int walking_deferred;             /* walking one of them now: defer nothing */
	const char **usrs;           /* their USRs (in the facts' pool), computed once: libclang builds each anew */
	size_t nusrs, capusrs;
	struct node_table decl_values; /* declarations read as values: decl node -> index in decl_vals */
	struct sova_val *decl_vals;    /* what each denotes (ext_value_of_decl), computed once */
	size_t ndecl_vals, capdecl_vals;
	struct node_table operators;   /* binary operators asked about: node -> index in operator_texts */
	char (*operator_texts)[8];     /* their operators as written ("" when not found), computed once */
	size_t noperator_texts, capoperator_texts;
	struct node_table first_chars; /* expressions asked about: node -> their first character (ext_first_char) */
	struct recent_node *recent;    /* RECENT_NODES of them, by the node's hash */
	int ntemps;
	int nblocks;
	struct sova_strmap file_index;
	struct file_cache_entry *file_cache;
	size_t nfile_cache, capfile_cache;
	CXCursor condition;       /* the condition being read (extract_conds.c) */
	unsigned condition_end;   /* where it ends, once condition_end_known */
	int condition_end_known;
	unsigned equality_tests; /* numbers local_equal's tests in the TU */
	/* The texts of the files read last (extract_values.c): libclang's
	 * clang_getFileContents looks a file up among every source location
	 * of the TU (tens of thousands of instructions in a TU of GIO's
	 * headers), and operators in macro bodies read a header's text again
	 * and again. Replaced in turn. */
	struct file_text {
		CXFile file;
		const char *text; /* libclang's */
		size_t size;
	} texts[SOVA_EXT_FILE_TEXTS];
	size_t ntexts, next_text;
};

/* A node's direct children. */
struct child_list {
	CXCursor *items;
	size_t count, cap;
	int last_expr; /* index of the last expression child, or -1 */
};

/* The function or block being extracted, or NULL at file scope. */
static inline struct sova_func *ext_func(struct extractor *ex)
{
	return ex->func >= 0 ? &ex->facts->funcs[ex->func] : NULL;
}

/* A libclang string as a malloc'd copy (the caller frees it) and disposed. */
char *ext_take_string(CXString s);

/* Strings the facts keep live in the TU's pool (facts.h): a copy, interned. */
const char *ext_str(struct extractor *ex, const char *s);
const char *ext_cxstr(struct extractor *ex, CXString s); /* disposes s */
int ext_is_kind(CXCursor c, enum CXCursorKind kind);
/* A for, while or do loop. */
int ext_is_loop(enum CXCursorKind kind);

/* Returns 1 when c's value is or becomes a pointer: pointers, and arrays and
 * functions, which decay. libclang shows a parameter declared "fn f" or
 * "char *argv[]" with the type as written, not the pointer it is. */
int ext_pointer_like(CXCursor c);

/* Returns 1 when type is an array whose elements hold only numbers and
 * strings: integers, enums, floating point, character pointers, and arrays
 * and structs of those. Its initializer holds no function, object or call
 * sova tracks (a file-scope one holds no call at all): Unicode and keyword
 * tables of thousands of entries need not be walked. */
int ext_plain_data_array(CXType type);

/* Returns 1 when c has the form of an lvalue as stored into: x, s->f, a[i],
 * *p, (x). The left side of an assignment always has it; an operand read
 * for its value never does, as libclang shows it under an implicit cast. So
 * most binary operators are known not to assign without reading them. */
int ext_lvalue_form(CXCursor c);
void ext_children(const struct extractor *ex, CXCursor c, struct child_list *out);
void ext_children_free(struct child_list *list);
/* Whether control never goes on from stmt to the statement after it: a
 * return, break or continue (or, with goto_leaves, a goto), or a block
 * whose last statement is one. */
int ext_stmt_leaves(const struct extractor *ex, CXCursor stmt, int goto_leaves);
/* The walk leaves f: its children are remembered for the questions above. */
void ext_remember_children(struct extractor *ex, const struct frame *f);

void ext_node_table_reset(struct node_table *t);
void ext_node_table_put(struct node_table *t, CXCursor c, int value);
int ext_node_table_get(const struct node_table *t, CXCursor c);

/* The operator of a binary expression ("=", "&&", ...), or "" when unknown;
 * with the parentheses around it, which may be spelled in a macro body
 * its operands are not (TAILQ_EMPTY's "(TAILQ_FIRST(head) == NULL)"). */
void ext_binary_operator(struct extractor *ex, CXCursor c, char *buf, size_t len);
void ext_binary_operator_in(struct extractor *ex, CXCursor c, CXCursor paren, char *buf, size_t len);

/* The n-th child of c, or a null cursor. */
CXCursor ext_child_at(const struct extractor *ex, CXCursor c, size_t n);
/* The one expression a wrapper (cast, parentheses, unary operator) wraps. */
int ext_wrapped_expr(const struct extractor *ex, CXCursor c, CXCursor *out);
/* The first token of c as spelled, in a macro body for a macro's expansion:
 * the name of an attribute, whichever macro wrote it. */
void ext_first_token(struct extractor *ex, CXCursor c, char *buf, size_t len);
/* The first character of c as written: a unary operator's '*', '&' or '!'. */
char ext_first_char(struct extractor *ex, CXCursor c);
/* c's value when it is an integer constant expression, else UNKNOWN. */
struct sova_val ext_int_value(CXCursor c);

/* What expression c denotes; the caller owns the result. */
struct sova_val ext_value_of(struct extractor *ex, CXCursor c);
/* c without parentheses and implicit casts. */
CXCursor ext_peeled(const struct extractor *ex, CXCursor c);
/* The members c reads through as a sova_cond path (p->a.b: "\x1fA\x1fB";
 * malloc'd, NULL when c is no member access), and in *base the
 * expression they start from. */
char *ext_member_path(struct extractor *ex, CXCursor c, CXCursor *base);
/* Whether a test of a parameter or field (a cond) may not be of its value
 * on entry: the function frame f saw it assigned (extract_conds.c). */
int ext_cond_written(const struct sova_cond *cond, const struct frame *f);
/* Where a location is, as an offset in its file (a macro's: where it is used). */
unsigned ext_offset_of(CXSourceLocation loc);

/* The value naming a declaration: a function, variable, parameter or field. */
struct sova_val ext_value_of_decl(struct extractor *ex, CXCursor decl);

/* A declaration's USR, as a new string; computed once per declaration and TU. */
const char *ext_usr(struct extractor *ex, CXCursor decl);

/* Records target = value in the current function, or at file scope; object
 * is the struct a field target belongs to (UNKNOWN when none). Takes
 * ownership of all three, and drops them when target or value is unknown. */
void ext_add_assign(struct extractor *ex, struct sova_val target, struct sova_val value, struct sova_val object);

/* The operator of a BinaryOperator frame, found once per node. */
const char *ext_frame_operator(struct extractor *ex, struct frame *f);

/* Adds to out what condition being true (sense 1) or false (sense 0)
 * implies of the parameters and of the calls in it. */
void ext_condition_implies(struct extractor *ex, CXCursor condition, int sense, struct held *out);
void ext_held_add(struct held *dst, const struct held *src);
/* The labels of switch sw that reach the statement of its body (frame
 * body) being walked, into reach (the caller frees its values); returns 0
 * when the switch's labels say nothing of it (extract_switch.c). */
int ext_switch_reach(struct extractor *ex, struct frame *sw, struct frame *body, struct switch_labels *reach);
/* Label c (a case, default or goto label) is entered: what the blocks and
 * branches around it left holding may not hold there (extract_labels.c). */
void ext_enter_label(struct extractor *ex, CXCursor c);
void ext_held_free(struct held *h);
/* Adds to call the test of a parameter that argument `index` computes, if it is one. */
void ext_derived_arg(struct extractor *ex, CXCursor arg, int index, struct sova_call *call);
/* Fills a call's guards and conds from the frames around it. */
void ext_call_conditions(struct extractor *ex, struct sova_call *call);
/* On leaving an if: `if (E) return;` leaves E false for the rest of its block. */
void ext_leave_if(struct extractor *ex, struct frame *f);
/* Notes a parameter or field the reference ref, a child of up, assigns or
 * lets escape; returns 1 when ref is so written. */
int ext_note_write(struct extractor *ex, CXCursor ref, const struct frame *up);
/* Drops from fn's calls the tests of parameters and fields its frame f saw written. */
void ext_drop_written_params(struct sova_func *fn, const struct frame *f);

/* Constants stored into an argument's fields just before a call
 * (extract_stores.c): a statement of block `block` begins; a constant
 * store, child of block, was left; a reference (under frame up) may
 * change a variable or field; a call is left (fills its arg_conds);
 * the function closes (drops them all when it has a goto). */
void ext_stores_next_stmt(struct extractor *ex, struct frame *block);
void ext_stores_note(struct extractor *ex, struct frame *block, CXCursor lhs, long value);
void ext_stores_forget(struct extractor *ex, CXCursor ref, const struct frame *up);
void ext_stores_call(struct extractor *ex, struct sova_call *call);
void ext_stores_close(struct sova_func *fn);
/* Adds a test of an argument to a call's arg_conds, once. */
void ext_arg_cond_add(struct sova_call *call, const struct sova_cond *cond);

/* Local variables (extract_locals.c): the USR of the automatic local a
 * reference names, or NULL; a write to one (ref, under frame up), or its
 * initializer; its one plain write's value, when it has had only that;
 * whether it was not written in [from, to) nor had its address taken
 * before `to`; a parameter's test made through a local, kept only if
 * that local has one write in all (checked by ext_locals_close). */
const char *ext_local_named(struct extractor *ex, CXCursor ref);
void ext_locals_note_write(struct extractor *ex, CXCursor ref, const struct frame *up);
void ext_locals_note_init(struct extractor *ex, CXCursor decl, CXCursor init);
int ext_local_value(struct extractor *ex, const char *usr, CXCursor *value);
int ext_local_unchanged(struct extractor *ex, const char *usr, unsigned from, unsigned to);
void ext_locals_provisional(struct extractor *ex, const char *usr, const struct sova_cond *cond);
void ext_locals_close(struct sova_func *fn, struct frame *f);

/* Tests of fields the function assigns later (extract_entry.c): at the
 * function's close, those of its entry_tests (kept by ext_call_conditions)
 * that held on entry become entry_conds, before the written tests are
 * dropped from conds. */
void ext_entry_close(struct extractor *ex, struct sova_func *fn, const struct frame *f);

/* Paths that end the process (extract_fatal.c): called as the walk enters
 * and leaves each node; up is the frame around f, NULL at the top. */
void ext_fatal_enter(struct extractor *ex, struct frame *f);
void ext_fatal_leave(struct extractor *ex, struct frame *f, struct frame *up);

/* Where a call stands in its function's body (extract_order.c): fills
 * call's stmt and unconditional from the frames around it; and, as the
 * walk leaves each node after ext_fatal_leave, the body's plain prefix. */
void ext_order_call(struct extractor *ex, struct sova_call *call);
void ext_order_leave(struct extractor *ex, struct frame *f, struct frame *up);

/* Records the assignments an outermost initializer list makes; owner is the
 * variable initialized, when there is one (it owns the elements of arrays). */
void ext_init_list(struct extractor *ex, CXCursor list, const struct sova_val *owner);

#endif /* SOVA_EXTRACT_INTERNAL_H */
