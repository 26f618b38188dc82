/* facts.h - stage 3: the per-TU summary that everything after parsing works on.
 *
 * A summary records, for one translation unit, what the later stages need and
 * nothing about the AST itself: functions with their calls, the values passed
 * and assigned, and what each function returns. It knows no API model, so the
 * same summary serves any model set, and it serializes to JSON (facts_json.c)
 * for caching and for extract/link runs spread over machines. */
#ifndef SOVA_FACTS_H
#define SOVA_FACTS_H

#include <stddef.h>

#include "strpool.h"

/* What an expression denotes, as far as sova tracks values. */
enum sova_val_kind {
	SOVA_VAL_UNKNOWN = 0,
	SOVA_VAL_FUNC,   /* a function designator; usr = the function */
	SOVA_VAL_LOCAL,  /* a local variable; usr = the variable */
	SOVA_VAL_PARAM,  /* a parameter; usr = its function, num = its index */
	SOVA_VAL_GLOBAL, /* a file-scope variable; usr = the variable */
	SOVA_VAL_FIELD,  /* a struct member, whatever the object; usr = the field */
	SOVA_VAL_CALL,   /* the result of a call; num = the call's index in its function */
	SOVA_VAL_INT,    /* an integer constant (NULL included); num = its value */
	SOVA_VAL_STRING, /* a string literal, as a call's argument only; usr = its characters */
};
#define SOVA_VAL_LAST SOVA_VAL_STRING

struct sova_val {
	enum sova_val_kind kind;
	const char *usr;
	const char *name; /* spelling, for messages */
	long num;
	int element; /* an element of the storage named: fs[i], *p */
	int address; /* its address was taken: &f */
	const char *path; /* the access written out, when more than a name (see SOVA_PATH_MEMBER) */
	/* For an access into a named variable's own storage, with no pointer
	 * followed on the way (ops.run, cmds[i].fn, net.inner.cb; not p->run):
	 * the variable's USR, then SOVA_PATH_MEMBER and a field's USR per
	 * member, every index as "[]". One abstract object per variable, all
	 * of an array's elements as one; link.c resolves calls by it. */
	const char *member;
	/* A call's argument: the callee's parameter type when it is a typedef
	 * of a function pointer (GAsyncReadyCallback), which models give a
	 * context to (callback_types), or the typedef a pointer parameter
	 * points to (GCancellable for GCancellable *), which blocking patterns
	 * match; NULL otherwise. */
	const char *param_type;
};

/* Separates the members of an access path: base USR, then a member's field
 * USR after each separator, and [index] for each subscript. */
#define SOVA_PATH_MEMBER '\x1f'


/* A source range in a TU's file table; lines and columns are 1-based bytes. */
struct sova_loc {
	int file;
	unsigned line, col, end_line, end_col;
};

/* A test of one of the function's parameters, or of a field reached from
 * one (task->cb), as it was on entry, that holds whenever a call runs:
 * == value, or != value; with a mask, of its bits: (x & mask) == value or
 * != value (`if (test & G_FILE_TEST_IS_SYMLINK)` is (test & 4) != 0). From the if-conditions, switch labels, &&, || and ?: around the
 * call and the early returns, breaks and continues before it. A parameter
 * the function assigns or takes the address of is never tested, nor a
 * field it assigns in any object. */
struct sova_cond {
	int param;
	const char *path; /* NULL: the parameter; else SOVA_PATH_MEMBER and a field's USR per member */
	int equal;        /* 1: == value (< value for SOVA_COND_LESS); 0: != value (>= value) */
	long value;
	long mask;        /* 0: the whole value is tested; else only these bits */
	int rel;          /* SOVA_COND_EQUALS, or SOVA_COND_LESS: an order test of a signed integer */
};

/* How a sova_cond compares: `err == -EIO`, or `err < 0` (kept as less
 * than, `err <= 0` as < 1, `err > 0` as not < 1); an order test has no mask. */
enum { SOVA_COND_EQUALS = 0, SOVA_COND_LESS = 1 };

/* An argument computed from one of the calling function's parameters, as
 * on entry: `!(flags & G_SPAWN_DO_NOT_REAP_CHILD)`, `(flags & K) != 0`,
 * `!p`, `mode == M_SYNC` (the argument is 1 when cond holds, else 0), or
 * `flags & K` (keep_bits: the argument is those bits of the parameter),
 * or a truth of a field reached from one: `!item->async`.
 * It carries a caller's constant flags into the booleans a helper tests. */
struct sova_derived_arg {
	int arg;               /* the argument's index */
	int keep_bits;         /* 1: param & cond.mask; 0: the truth of cond */
	struct sova_cond cond; /* of the calling function's parameter; a path only for a truth */
};

/* Two tests of the values on entry of which one holds whenever a call runs:
 * a test the function's own later stores may change, on the first pass of
 * a loop, or that loop's test passing again (`do { switch (it->state) {
 * case START: connect(); ... it->state = DONE; } } while (loop && ...)`:
 * it->state == START as on entry, or loop != 0). a and b are the same
 * test when the function changes the value only after the test and no
 * loop takes it back there. Unlike conds, these only prune: they say
 * nothing of what the value is at the call. */
struct sova_either {
	struct sova_cond a, b;
};

/* A value an argument may equal whenever the call runs: a test around it
 * compared the local it passes with this value. The values of one test
 * share its number: `if (source == st->out || source == st->err)
 * write_all(source)` gives argument 0 the values st->out and st->err as
 * test 0, and the argument is one of each test's values. The engine asks
 * what made them (makers.c). */
struct sova_arg_equal {
	int arg;
	int test; /* numbered from 0 per call */
	struct sova_val value;
};

struct sova_call {
	struct sova_loc loc;
	const char *callee_usr;  /* direct callee, or NULL for an indirect call */
	const char *callee_name; /* direct callee's name, or the pointer's spelling */
	struct sova_val callee;  /* the pointer called through, for indirect calls */
	struct sova_val callee_object; /* for a call through a member (o->f(), o.f()), what o is */
	const char *returns;     /* pointee type name of a pointer result ("fut_future"), or NULL */
	struct sova_val *args;
	size_t nargs;
	/* Earlier calls whose result is known whenever this call runs: g >= 0,
	 * call g's result is true (non-zero); g < 0, call -g - 1's is false
	 * (`if (in_coroutine()) return;` before it). See sova_guard_call. */
	int *guards;
	size_t nguards;
	struct sova_cond *conds; /* what holds of the parameters whenever this call runs */
	size_t nconds;
	struct sova_derived_arg *derived_args; /* arguments that are tests of the parameters */
	size_t nderived_args;
	struct sova_either *entry_conds; /* see sova_either */
	size_t nentry_conds;
	/* Tests that hold of the arguments' values whenever the call runs,
	 * param being the argument's index: a constant stored into its field
	 * just before the call, with no call or other store to it between
	 * (`it->state = DONE; process(it);`), or a test of the local variable
	 * passed (`if (wp != NULL && TAILQ_EMPTY(&wp->modes)) key(wp);`). */
	struct sova_cond *arg_conds;
	size_t narg_conds;
	struct sova_arg_equal *arg_equals; /* see sova_arg_equal */
	size_t narg_equals;
	/* 0, or where the process ends on every path from this call: at call
	 * dies_at - 1 of the function (a noreturn call), or SOVA_DIES_SPINNING
	 * (an empty endless loop, as after g_error). See extract_fatal.c. */
	int dies_at;
	/* Where the call stands in its function's body (extract_order.c): the
	 * body's statement it is in (1-based; 0 outside any), and whether it
	 * runs whenever that statement does (not in a branch, a loop, after
	 * && or ||, or after an earlier exit of a block around it). */
	unsigned stmt;
	int unconditional;
	/* The storage the test of the innermost while or do loop whose body
	 * holds the call reads (`while (!*result)`, `while (!s.done)`), at
	 * most SOVA_MAX_LOOP_READS: a loop around g_main_context_iteration
	 * waits for whatever sets it (loopwrappers.c). */
	struct sova_val *loop_reads;
	size_t nloop_reads;
};

#define SOVA_MAX_LOOP_READS 8

#define SOVA_DIES_SPINNING (-1)

/* The call a guard names, and whether its result is true there. */
static inline int sova_guard_call(int guard)
{
	return guard >= 0 ? guard : -guard - 1;
}

static inline int sova_guard_true(int guard)
{
	return guard >= 0;
}

/* target = value, anywhere: statements, initializers, designated initializers. */
struct sova_assign {
	struct sova_val target;
	struct sova_val value;
	struct sova_val object; /* for a field target, the object whose field it is: &w in (&w)->func = fn */
	unsigned seq;           /* number of the function's calls made before it */
	int or_bits;            /* target |= value, an integer constant: bits added, none taken */
};

struct sova_func {
	const char *usr;
	const char *name;
	struct sova_loc loc;
	int external; /* external linkage */
	const char **annotations; /* annotate("...") strings on any of its declarations */
	size_t nannotations, capannotations;
	struct sova_call *calls;
	size_t ncalls, capcalls;
	struct sova_assign *assigns;
	size_t nassigns, capassigns;
	struct sova_val *returns;
	size_t nreturns, capreturns;
	/* 0, or the call (index + 1) that is its last act on every path that
	 * returns: a statement of its body, no return or goto before it, no
	 * call after it (extract_fatal.c). A thread function that ends with
	 * uv_async_send() has woken the loop only when it is about to end. */
	size_t ends_with;
	/* The number of statements the body begins with that always complete
	 * in order: no return, goto, break, label or loop in them. With
	 * `jumps` (a goto anywhere), statement order proves nothing. */
	unsigned plain_prefix;
	int jumps;
};

/* A declaration seen without its body that carries annotations. */
struct sova_decl {
	const char *usr;
	const char *name;
	const char **annotations;
	size_t nannotations, capannotations;
};

/* A line of one of the TU's files that mentions a suppression comment
 * ("sova-ignore"), as written; the filters parse it. Found while libclang
 * holds the file's text, so that no run reads the program's files again. */
struct sova_marker {
	int file; /* index into files */
	unsigned line;
	const char *text; /* the whole line, without its line break */
};

enum sova_diag_level { SOVA_DIAG_NOTE, SOVA_DIAG_WARNING, SOVA_DIAG_ERROR };

/* Something the parse had to say: a compile error, a dropped flag, a crash. */
struct sova_diag {
	enum sova_diag_level level;
	const char *file; /* may be NULL */
	unsigned line, col;
	const char *message;
};

/* Every string in a TU's facts belongs to its pool: nothing else frees them,
 * and a copy of a value is a plain struct copy. */
struct sova_tu_facts {
	struct sova_strpool strings;
	const char *main_file;
	int failed; /* no AST could be built */
	const char **files; /* absolute paths; sova_loc.file indexes this */
	size_t nfiles, capfiles;
	const char **includes; /* every file the TU includes, as written or found: decides which models apply */
	size_t nincludes, capincludes;
	struct sova_func *funcs;
	size_t nfuncs, capfuncs;
	struct sova_assign *globals; /* assignments in file-scope initializers */
	size_t nglobals, capglobals;
	struct sova_decl *decls;
	size_t ndecls, capdecls;
	struct sova_diag *diags;
	size_t ndiags, capdiags;
	struct sova_marker *markers; /* by file, then line */
	size_t nmarkers, capmarkers;
	int sealed; /* complete: every array is in strings, and nothing changes */
};

void sova_tu_facts_free(struct sova_tu_facts *facts);
/* Moves every array into the pool, at its size, once the facts are
 * complete; drops the pool's interning index. Sealed facts are read only. */
void sova_tu_facts_seal(struct sova_tu_facts *facts);
void sova_tu_add_diag(struct sova_tu_facts *facts, enum sova_diag_level level, const char *file, unsigned line,
		      unsigned col, const char *message);

/* The TU's first error (a missing include, a fatal error, a file libclang
 * could not parse), or NULL when it parsed cleanly: a TU with one was not
 * analysed completely, whatever else it yielded. */
const struct sova_diag *sova_tu_first_error(const struct sova_tu_facts *facts);

/* 1 when the TU parsed with no error, so that the same files give the
 * same facts: only such facts are kept in the cache. An error may come
 * from outside the files the TU read (a header not generated yet). */
int sova_tu_cacheable(const struct sova_tu_facts *facts);

/* Returns 0 when facts read from outside (a cache entry, a summary from
 * another machine) hold together: every location names one of the TU's
 * files, values that name storage carry its USR, and every call a value or
 * guard names is one of its function's calls (guards: an earlier one).
 * Returns -1 otherwise. Readers check shape; this checks meaning. */
int sova_tu_facts_check(const struct sova_tu_facts *facts);

/* Writes a slot key that identifies the storage a value names ("G:usr",
 * "L:usr", "P:usr#2", "F:usr"), or returns 0 when the value is no storage. */
int sova_val_slot_key(const struct sova_val *val, char *buf, size_t len);

/* Returns 1 when two values name the same storage or function. Fields
 * compare by field, whatever the object: "the same struct field". */
int sova_val_same(const struct sova_val *a, const struct sova_val *b);

/* Returns 1 when the function gives a call the address of v, a local or
 * one of its parameters, named as it is (&l, not &l.f): the call may
 * store anything into it. */
int sova_func_passes_address(const struct sova_func *fn, const struct sova_val *v);

/* Returns 1 when two values are the same access: the same storage reached
 * the same way (same object, same index), as completion proofs need. */
int sova_val_same_access(const struct sova_val *a, const struct sova_val *b);

/* Returns 1 when inner is a member, at any depth, of the struct outer names,
 * whatever the objects: &p->dw contains the field work of p->dw.work. */
int sova_val_contains(const struct sova_val *outer, const struct sova_val *inner);

/* Returns 1 when two tests are the same: the same reference (paths
 * compared as strings), operator, value and mask. */
int sova_cond_same(const struct sova_cond *a, const struct sova_cond *b);

/* Returns 1 when a member path ("\x1fF1\x1fF2", sova_cond's) goes through field F. */
int sova_path_has_field(const char *path, const char *field);

#endif /* SOVA_FACTS_H */
