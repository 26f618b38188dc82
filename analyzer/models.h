/* models.h - API models: what sova knows about real-world async APIs.
 *
 * Every API name sova reacts to comes from rules/models/<name>.json or a user's
 * --model file; the engine asks this module, never a hard-coded list. */
#ifndef SOVA_MODELS_H
#define SOVA_MODELS_H

#include <stddef.h>

#include "util.h"

enum sova_exec_kind {
	SOVA_EXEC_UNKNOWN = 0,
	SOVA_EXEC_POOL,   /* bounded pool: self-waits deadlock under load */
	SOVA_EXEC_SERIAL, /* one task at a time: self-waits always deadlock */
	SOVA_EXEC_LOOP,   /* a single-threaded event loop */
};

/* Where a callback runs. All but a pool are single-threaded: blocking
 * there stops everything else that context would have run. */
enum sova_context {
	SOVA_CTX_NONE = 0, /* not said: take it from the executor's kind */
	SOVA_CTX_POOL,
	SOVA_CTX_SERIAL,
	SOVA_CTX_LOOP,
	SOVA_CTX_AIO,
	SOVA_CTX_COROUTINE,
};

#define SOVA_CTX_NCONTEXTS (SOVA_CTX_COROUTINE + 1)

enum sova_api_role {
	SOVA_API_SUBMIT,       /* hands work to an executor */
	SOVA_API_CONTINUATION, /* runs work on an executor when a future completes */
	SOVA_API_WAIT,         /* blocks until async work completes */
	SOVA_API_READY_CHECK,  /* tells, without blocking, whether a future completed */
	SOVA_API_EXECUTOR,     /* creates an executor */
	SOVA_API_BLOCKING,     /* blocks for another reason: generic blocking */
	SOVA_API_LOOKUP,       /* returns an object found at run time (a type's class or interface) */
	SOVA_API_EXHAUSTIBLE,  /* fails (returns non-zero) only when memory or another resource ran out */
	SOVA_API_NONBLOCKING,  /* waits only for a brief hand-off inside (a one-time init another thread runs) */
	SOVA_API_NORETURN_NOT_FATAL, /* never returns, yet the program goes on: longjmp, pthread_exit */
	SOVA_API_PROMISE_FUTURE, /* returns the future a promise completes: fut_promise_future */
	SOVA_API_COMPLETE,       /* completes a promise, waking its future's waiters: fut_promise_set */
	SOVA_API_THREAD_START,   /* starts a thread that runs work_arg; its handle in handle_arg or returned */
	SOVA_API_WAKE,           /* makes the callback registered on handle_arg run: uv_async_send */
	SOVA_API_CONTEXT_TEST,   /* returns true exactly when the caller runs in `context`: qemu_in_coroutine */
	SOVA_API_READINESS,      /* makes object_arg non-blocking (g_socket_set_blocking(s, FALSE)), or,
				  * with watches, a source that fires when it is ready (g_socket_create_source),
				  * or, with tests, says whether it is ready (g_pollable_input_stream_is_readable) */
	SOVA_API_CAST,           /* returns its argument returns_arg as it is: a checked cast */
	SOVA_API_WRAPPER,        /* returns a new object whose I/O all goes through its argument base_arg:
				  * a GDataInputStream over a base stream */
	SOVA_API_LIST_ADD,       /* returns the list object_arg with element_arg added: g_list_prepend */
	SOVA_API_LIST_KEEP,      /* reads or returns the list object_arg and adds nothing: g_list_reverse */
	SOVA_API_VISIT,          /* calls work_arg now, once per element of a container, giving it the
				  * element (element_param) and context_arg (context_param): g_queue_foreach */
};

#define SOVA_API_NROLES (SOVA_API_VISIT + 1)

/* What a blocking call waits for: it decides how much it hurts, and the
 * level a user may want (local-file I/O at start-up is accepted in GNOME
 * code; a sleep on the loop never is). */
enum sova_block_kind {
	SOVA_BLOCK_OTHER = 0, /* not said */
	SOVA_BLOCK_ASYNC,     /* async work: a future, an aio, a queued task (every wait) */
	SOVA_BLOCK_SLEEP,
	SOVA_BLOCK_JOIN,       /* a thread's end */
	SOVA_BLOCK_SYNC,       /* a lock, condition variable, semaphore, barrier or queue */
	SOVA_BLOCK_LOOP,       /* a nested event loop, run until something happens */
	SOVA_BLOCK_NETWORK,    /* name resolution, a socket */
	SOVA_BLOCK_SUBPROCESS, /* a child process */
	SOVA_BLOCK_FILE,       /* a local file: open, stat, read, fsync... */
	SOVA_BLOCK_IO,         /* a descriptor or stream that may be a file, a pipe or a socket */
};

#define SOVA_BLOCK_NKINDS (SOVA_BLOCK_IO + 1)

/* "file", "sleep", ...: the name models and .sova.json use. */
const char *sova_block_kind_name(enum sova_block_kind kind);
/* The kind a name stands for; returns -1 when none. */
int sova_block_kind_parse(const char *name, enum sova_block_kind *kind);

/* A condition on a call's argument, for APIs whose behaviour depends on it. */
enum sova_arg_test {
	SOVA_ARG_ANY = 0,
	SOVA_ARG_NULL,       /* provably 0 or NULL */
	SOVA_ARG_NONNULL,    /* not provably NULL: a callback argument that may hold functions */
	SOVA_ARG_TRUE,       /* provably non-zero */
	SOVA_ARG_FALSE,      /* provably zero */
	SOVA_ARG_NEGATIVE,   /* provably negative: poll(..., -1) */
	SOVA_ARG_EQUALS,     /* provably `value` */
	SOVA_ARG_NOT_EQUALS, /* provably not `value` */
	SOVA_ARG_BITS_CLEAR, /* provably has none of the bits of `value`: flags without NONBLOCK */
	SOVA_ARG_MADE_BY,    /* provably the result of a call to one of `names`: a descriptor from open() */
	SOVA_ARG_UNLESS_GLOBAL, /* anything but one of the file-scope variables `names`: not stderr */
	SOVA_ARG_UNLESS_MADE_BY, /* anything but the result of a call to one of `names`: not a memory stream */
	SOVA_ARG_UNLESS_BITS_SET, /* not provably holding all the bits of `value`: hints without AI_NUMERICHOST */
};

struct sova_when {
	int arg; /* -1: no condition */
	enum sova_arg_test is;
	long value;
	char **names; /* SOVA_ARG_MADE_BY, _UNLESS_MADE_BY: function names; SOVA_ARG_UNLESS_GLOBAL: variables */
	size_t nnames, capnames;
	char *field; /* the test is on this field of the struct the argument points to, or NULL */
};

/* One modelled function in one role. Argument indexes are 0-based; -1 means "none". */
/* A further callback of one submit call (bufferevent_setcb's writecb and
 * eventcb): it runs in the entry's context and receives context_arg as its
 * parameter context_param. */
struct sova_more_work {
	int work_arg;
	int context_param;
};

#define SOVA_MAX_MORE_WORK 4

struct sova_api_fn {
	char *function;
	int model; /* index into sova_models.models */
	enum sova_api_role role;
	struct sova_when when;
	int executor_arg;
	int work_arg;
	int context_arg;
	int context_param; /* parameter of the work function that receives the context */
	struct sova_more_work more_work[SOVA_MAX_MORE_WORK]; /* submit, continuations: other callbacks */
	int nmore_work;
	int future_arg;
	int handle_arg;    /* the object the callback belongs to; a join's or thread start's thread handle */
	int returns_handle; /* thread starts: the call returns the thread's handle (g_thread_new) */
	int promise_arg;   /* promises, completions: the promise */
	int returns_future;
	int waits;       /* submit-and-wait: the call also blocks until the work is done */
	/* submit-and-wait on an implicit executor that runs the work ahead of
	 * its queue, and grows, when a thread of its own submits it (GTask's
	 * blocking_other_task): from there the wait neither deadlocks nor
	 * starves the pool */
	int grows_for_nested;
	int bounded;     /* waits: gives up after a timeout */
	int joins_array; /* waits: future_arg is an array of futures */
	int drains;      /* waits: waits for every task of the executor it names */
	/* submit, waits: the executor the call uses without an argument naming
	 * it (schedule_work queues on system_wq, flush_scheduled_work flushes
	 * it), and that executor's kind when the model knows it. The name is
	 * also the program's global of that name, if it has one. */
	char *implicit_executor;
	char *implicit_usr; /* "c:@" implicit_executor: the USR of that global */
	enum sova_exec_kind implicit_kind;
	enum sova_block_kind blocks_on; /* blocking: what it waits for */
	enum sova_context context;
	enum sova_exec_kind kind;
	struct sova_when kind_when; /* executors: the kind when the condition holds */
	enum sova_exec_kind kind_if;
	int out_arg;
	int pattern; /* blocking: the entry of a blocking pattern, matched by shape */
	/* blocking: a wait on an object (a condition) that these functions end,
	 * each taking the object at argument object_arg, as the wait does
	 * (pthread_cond_signal ends pthread_cond_wait). See handshakes.c. */
	int object_arg;
	int returns_arg; /* casts: the argument the call returns */
	int base_arg;    /* wrappers: the argument the new object does its I/O through */
	int element_arg;   /* list_adds: the element added */
	int element_param; /* visitors: the callback's parameter that receives each element */
	/* wrappers, instead of base_arg: the base is the argument after the
	 * string argument that names this property (g_object_new(type,
	 * "base-stream", base, NULL)) */
	char *base_property;
	/* blocking: the call returns an object the process shares (a bus
	 * connection), which exists while a callback registered by one of
	 * these functions runs when their argument their_arg is the same
	 * constant as this call's argument shared_arg: there it does not
	 * block (shared.c). */
	char **shared_by;
	size_t nshared_by, capshared_by;
	int shared_arg, their_arg;
	char **woken_by;
	size_t nwoken_by, capwoken_by;
	/* blocking: the argument naming the object whose state decides (a
	 * GSocket): the call does not block when a `readiness` entry says that
	 * object is ready or non-blocking there (readiness.c). -1: none. */
	int ready_arg;
	/* readiness, with watches: the parameter of a callback set on the
	 * source made that receives the ready object (GSocketSourceFunc's 0). */
	int watches;
	int ready_param;
	/* readiness: the call returns non-zero exactly when object_arg is
	 * ready (g_pollable_input_stream_is_readable), so I/O on it where that
	 * result was true does not block. */
	int tests;
	/* blocking, on a loop: the call runs one iteration (or a few) and
	 * returns, so a loop around it waits for what its test reads
	 * (g_main_context_iteration in `while (!done)`). See loopwrappers.c. */
	int iterates;
	int next; /* the same function's entry in another role, or -1 */
};

enum sova_annotation_meaning {
	SOVA_ANN_MEANS_CONTEXT,     /* the function runs in `context` */
	SOVA_ANN_MEANS_WAIT,        /* calling it is a future-like wait */
	SOVA_ANN_MEANS_BLOCKING,    /* calling it is generic blocking */
	SOVA_ANN_MEANS_NONBLOCKING, /* it never blocks: chains stop there */
};

struct sova_annotation_model {
	char *name;
	int model;
	enum sova_annotation_meaning means;
	enum sova_context context;
};

/* Every function stored into record.field is a callback running in `context`. */
struct sova_callback_field {
	char *record;
	char *field;
	char *shown; /* how messages name it: "'callback' of 'struct lws_protocols'" */
	int model;
	enum sova_context context;
};

/* A function passed where a parameter of this type is declared (a typedef of
 * a function pointer: GAsyncReadyCallback) is a callback running in
 * `context`; the argument data_offset places after it is passed to its
 * parameter context_param (-1: none). */
struct sova_callback_type {
	char *type;
	int model;
	enum sova_context context;
	int context_param;
	int data_offset;
	/* A function of this type is told that its registration is over (a bus
	 * name lost or vanished), not that work it waits for is done: a loop
	 * it stops is a program's main loop, not a sync wrapper's. */
	int ends_registration;
};

/* Functions that block by their name and parameters, not one by one: GIO's
 * "g_file_" functions that take a GCancellable * and no GAsyncReadyCallback
 * read or write files. A call matches when its callee's name has the
 * prefix and suffix, one of its parameters points to `takes`, none is
 * declared as one of `not_takes`, the name is not an exception ("name",
 * "prefix*" or "*suffix"), and no model names the function in any role;
 * it is then the blocking entry fn. */
struct sova_blocking_pattern {
	char *prefix;
	char *suffix;
	char *takes;
	char **not_takes;
	size_t nnot_takes, capnot_takes;
	char **except;
	size_t nexcept, capexcept;
	struct sova_api_fn fn;
};

/* record.field holds an object found at run time: GTypeInstance.g_class. */
struct sova_lookup_field {
	char *record;
	char *field;
	int model;
};

/* A linked list's node type: the field holding an element, the field
 * linking to the next node (GList: data, next). elements.c follows a
 * cursor over such a list to the elements it reads. */
struct sova_list_record {
	char *record;
	char *element_field;
	char *next_field;
	int model;
};

struct sova_model {
	char *name;
	char **headers; /* active in TUs including one of these; none: always */
	size_t nheaders, capheaders;
	int always; /* loaded by the user: active everywhere */
};

struct sova_models {
	struct sova_model *models;
	size_t nmodels, capmodels;
	struct sova_api_fn *fns;
	size_t nfns, capfns;
	struct sova_annotation_model *annotations;
	size_t nannotations, capannotations;
	struct sova_callback_field *fields;
	size_t nfields, capfields;
	struct sova_lookup_field *lookup_fields;
	size_t nlookup_fields, caplookup_fields;
	struct sova_callback_type *callback_types;
	size_t ncallback_types, capcallback_types;
	struct sova_blocking_pattern *patterns;
	size_t npatterns, cappatterns;
	struct sova_list_record *list_records;
	size_t nlist_records, caplist_records;
	char **future_types;
	size_t nfuture_types, capfuture_types;
	struct sova_strmap by_function; /* first entry of a function */
	char **paths; /* the files loaded, in order */
	size_t npaths, cappaths;
};

/* "c:@S@work_struct@FI@func": a field USR naming record.field. The record
 * is a struct tag (@S@) or the typedef of an anonymous one (@SA@). */
int sova_models_field_matches(const char *usr, const char *record, const char *field);
/* Returns 1 when some model has an entry in role. */
int sova_models_has_role(const struct sova_models *models, enum sova_api_role role);

void sova_models_init(struct sova_models *models);
void sova_models_free(struct sova_models *models);

/* Loads one model file. On error returns -1 and writes "path:line:col: what
 * is wrong" into err. A later file's entries for a function come first in
 * its chain, so a user's model overrides the bundled ones where both apply.
 * A model loaded with always set is active in every TU, whatever its headers. */
int sova_models_load_file(struct sova_models *models, const char *path, int always, char *err, size_t errlen);

/* Loads every *.json in dir, in name order. Same error contract. */
int sova_models_load_dir(struct sova_models *models, const char *dir, char *err, size_t errlen);

/* Returns the first entry for a function name (follow ->next for its other
 * roles), or NULL. */
const struct sova_api_fn *sova_models_lookup(const struct sova_models *models, const char *function);

/* Returns the newest entry of a function in a role, or NULL. */
/* Whether callee is one of a blocking entry's woken_by: a call that ends
 * its wait (pthread_cond_signal) or stops its loop (g_main_loop_quit). */
int sova_api_woken_by(const struct sova_api_fn *api, const char *callee);

/* Whether a function's name is one a blocking pattern matches: its prefix
 * and suffix, and none of its exceptions. */
int sova_pattern_matches_name(const struct sova_blocking_pattern *p, const char *name);

const struct sova_api_fn *sova_models_lookup_role(const struct sova_models *models, const char *function,
						  enum sova_api_role role);

/* Returns 1 when type_name (a typedef or struct tag) names a future type. */
int sova_models_is_future_type(const struct sova_models *models, const char *type_name);

/* The files a TU includes, indexed by their last path component, so that
 * each model header is looked up rather than compared with every include. */
struct sova_include_index {
	const char *const *includes;
	size_t nincludes;
	struct sova_strmap basenames; /* last component -> 1 */
};

void sova_include_index_init(struct sova_include_index *index, const char *const *includes, size_t nincludes);
void sova_include_index_free(struct sova_include_index *index);

/* Returns 1 when a model is active for a TU that includes these files. */
int sova_model_active(const struct sova_model *model, const struct sova_include_index *index);

/* Adds an annotation meaning outside any model file (a configuration's
 * extra annotation names), in a model named `model` active everywhere. */
void sova_models_add_annotation(struct sova_models *models, const char *model, const char *name,
				enum sova_annotation_meaning means, enum sova_context context);

const char *sova_exec_kind_name(enum sova_exec_kind kind);
const char *sova_context_name(enum sova_context context);

#endif /* SOVA_MODELS_H */
