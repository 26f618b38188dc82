/* contexts_internal.h - what the files of the contexts stage share.
 *
 * The files call one way, each only into those below it:
 *
 *   contexts.c    the driver: sites, their contexts and chains
 *   explain.c     --explain FILE:LINE
 *   selfwait.c    waits on one's own executor or object
 *   provenance.c  where an awaited future came from, completion proofs
 *   workers.c     entries and what they reach
 *   elements.c    what holds of the elements taken out of a list a visitor filled
 *   joins.c       joins of a thread already at its end
 *   shared.c      calls returning a shared object an entry's registration made
 *   unresolved.c  calls through objects found at run time
 *   executor.c    what kind of executor a value names
 *   chain.c       a result's chain of steps
 *   engine.c      the read-only index: models per TU and per call, callers
 *   makers.c      what made a value (models' made_by), for the index
 *   callers.c     every call of a function, when the program shows them all
 *
 * contexts.c runs them in the order sova_analyze states. */
#ifndef SOVA_CONTEXTS_INTERNAL_H
#define SOVA_CONTEXTS_INTERNAL_H

#include "contexts.h"

#define SOVA_ANN_WORKER "sova:worker"
#define SOVA_ANN_BLOCKING "sova:blocking"
#define SOVA_ANN_NONBLOCKING "sova:nonblocking"

struct sova_caller {
	int def;
	int call;
};

/* A function that runs in an async context, and how it came to: a submit
 * call, a store into a callback field, or an annotation. */
struct sova_entry {
	int sym;
	enum sova_context context;
	const char *how;  /* the submit function, the callback field, or the annotation */
	enum sova_entry_origin origin;
	int def;          /* where it was registered, or -1 */
	int call;         /* the registering call, or -1 */
	struct sova_loc loc; /* where it was registered (global file), when def >= 0 */
	const struct sova_val *executor;    /* what it runs on, in def's terms; may be NULL */
	const struct sova_val *handle;      /* the object it belongs to; may be NULL */
	const struct sova_val *context_val; /* what its context parameter receives; may be NULL */
	int context_param;
	int ends_registration; /* passed as a callback type that ends its registration (loopwrappers.c) */
};

/* A call inside a function: one hop of an origin path. */
struct sova_hop {
	int def;
	int call;
};

/* From the waiting function down to the call that made the future. */
struct sova_origin {
	struct sova_hop hops[16];
	size_t nhops;
};

/* What a parameter is known to hold on entry, in one calling context. */
enum sova_bound_kind {
	SOVA_BOUND_UNKNOWN = 0,
	SOVA_BOUND_INT,     /* the constant num (NULL and false are 0) */
	SOVA_BOUND_FUNC,    /* the function sym num */
	SOVA_BOUND_NONNULL, /* an address */
	SOVA_BOUND_SLOT,    /* what slot num holds: a member of the variable the caller passed (&ops) */
};

struct sova_bound {
	enum sova_bound_kind kind;
	long num;
};

/* A function reached from a worker entry, in a calling context: what its
 * relevant parameters (those it calls through, tests, or passes on to
 * such a parameter of a callee) were bound to by the call that entered it. */
struct sova_worker_state {
	int def;
	int parent;      /* the state it was reached from, or -1 for an entry */
	int parent_call; /* the call in the parent's def that reached it */
	int entry;       /* index into entries */
	size_t bounds;   /* index into the search's bounds: one per relevant parameter */
	int units;       /* the programs the path can be part of (an id of the search's unit sets) */
	int unresolved;  /* the path went through an unresolved call */
	int ambiguous;   /* a call on the path picked its callee among several a field or variable holds */
};

/* Why the search did not follow a call (recorded for --explain only). */
enum sova_prune {
	SOVA_PRUNE_CONDITION = 1, /* a condition on the call contradicts what the caller bound */
	SOVA_PRUNE_EXHAUSTION,    /* the call runs only when memory or another resource ran out */
	SOVA_PRUNE_FATAL,         /* every path from the call ends the process */
	SOVA_PRUNE_UNRESOLVED,    /* through an object found at run time, without --show-unresolved */
	SOVA_PRUNE_OTHER_PROGRAM, /* into another program's own code */
	SOVA_PRUNE_CONTEXT,       /* a context test says the call does not run in the entry's context */
};

/* A call a search state did not follow, and why. */
struct sova_pruned {
	int state;  /* the caller's state */
	int call;   /* the call in its def */
	enum sova_prune reason;
	/* SOVA_PRUNE_CONDITION: the contradicted condition, an index into the
	 * call's conds and then its entry_conds, and what the tested
	 * references were bound to (two for an entry pair, else one twice). */
	int cond;
	struct sova_bound bound[2];
	int target; /* SOVA_PRUNE_OTHER_PROGRAM: the def not entered */
};

/* What a forward search from a set of entries reached. */
struct sova_reach {
	struct sova_worker_state *states;
	size_t nstates, capstates;
	int *first_state; /* per def: its first (shortest-chain) state, or -1: not reached */
	int *next_state;  /* per state: the next state of the same def, or -1 */
	size_t capnext;
	int *last_state;  /* per def: its last state so far, or -1 */
	unsigned char *more_entries; /* per def: reached from more entry functions than its states keep apart */
	struct sova_bound *bounds;
	size_t nbounds, capbounds;
	struct sova_pruned *pruned; /* the first of each (def, call, reason), when recording */
	size_t npruned, cappruned;
};

/* A parameter, or a field reached from one through members (path, in the
 * form of sova_cond's). */
struct sova_param_ref {
	int param;
	const char *path; /* NULL for the parameter itself */
};

/* A def's relevant parameters: the ones its states bind. */
struct sova_relevant {
	struct sova_param_ref *refs;
	size_t n, cap;
	size_t npaths; /* of refs, those with a path: at most SOVA_MAX_PATH_REFS */
	int *callee_params; /* per call: the parameter it calls through, or -1 */
	const char **callee_paths; /* per call: NULL, or the member of that parameter it calls through (o->run) */
	/* Per argument of each call, from arg_first[call]: the def's parameter
	 * it passes (through locals), or -1; looked up at every state entered. */
	int *arg_params;
	const struct sova_val **arg_values; /* the same arguments, followed through locals (resolve_local) */
	size_t *arg_first;
};

/* The joins that wait for a thread already at its end, per entry (joins.c):
 * keys "def:call:entry". */
struct sova_finished_joins {
	struct sova_strmap done;
};

/* The blocking calls that return an object a process shares, and the
 * functions in whose run it exists (shared.c): keys "def:call:sym". */
struct sova_shared_objects {
	struct sova_strmap exists;
};

/* Every store into each field, in the program (makers.c). */
struct sova_field_stores {
	struct sova_strmap first; /* a field's USR -> its last store, an index into program->assigns */
	int *next;                /* per program assignment: the field's store before it, or -1 */
	struct sova_strmap escaped; /* fields whose address is taken where stores through it are not seen */
};

void sova_field_stores_build(struct sova_field_stores *fs, const struct sova_program *prog);
void sova_field_stores_free(struct sova_field_stores *fs);

struct sova_engine {
	const struct sova_program *prog;
	const struct sova_models *models;
	unsigned char *active;    /* [tu * nmodels + model]: the model applies in that TU */
	const struct sova_api_fn ***apis; /* per def, per call: the entry for each role, or NULL */
	struct sova_strmap *kind_memo;    /* slot key -> executor kind found by constructors: a cache
					   * filled through const engines (executor.c), so held by pointer */
	struct sova_val *implicit_vals;   /* per model entry: its implicit executor as a global, if it names one */
	unsigned char *leaf;      /* per sym: modelled somewhere, so never entered */
	unsigned char *field_method; /* per sym: stored into a struct's field somewhere (a vtable method) */
	unsigned char *address_taken; /* per sym: stored or passed somewhere: may be called through a pointer */
	const struct sova_api_fn **model_entries; /* per sym: the first model entry of its name, or NULL */
	struct sova_caller **callers; /* per def: the calls that may reach it */
	size_t *ncallers, *capcallers;
	/* per def: every call whose link-time targets hold it, from the
	 * program alone, so known before the index's entries (callers.c) */
	struct sova_caller **link_callers;
	size_t *nlink_callers, *caplink_callers;
	unsigned char *calls_seen; /* per sym: no call of it is hidden from the program (callers.c) */
	struct sova_caller *readiness_calls; /* the calls with a `readiness` entry (readiness.c) */
	size_t nreadiness_calls, capreadiness_calls;
	struct sova_entry *entries;
	size_t nentries, capentries;
	int *first_entry; /* per sym: its first entry, or -1; entries of a sym are chained by next_entry */
	int *next_entry;
	struct sova_relevant *relevant; /* per def */
	unsigned char *reads_elements; /* per def: reads a list node's element field (elements.c); with relevant */
	unsigned char **unresolved; /* per def, per call: through an object found at run time; a def may have NULL */
	int show_unresolved;        /* search through unresolved calls too */
	int entry_flows;            /* entry functions whose paths the searches keep apart (options.entry_flows) */
	int record_pruned;          /* keep the calls the searches did not follow, for --explain */
	int context_tests;          /* a model names a context test: search states keep contexts apart */
	struct sova_reach any;    /* reached from any async context */
	struct sova_reach single; /* reached from a single-threaded one */
	struct sova_finished_joins joins;
	struct sova_shared_objects shared;
	struct sova_field_stores field_stores; /* for made_by, built before the entries */
};

/* Whether argument `arg` of call, in def, is made by one of the named
 * functions on every path (makers.c). Needs the engine's field_stores. */
int sova_arg_made_by(const struct sova_engine *e, int def, const struct sova_call *call, long arg,
		     char *const *names, size_t nnames);

/* Builds the index (engine.c): models, their entries per call, callers.
 * Everything else in the stage reads it; sova_engine_release frees it. */
void sova_engine_init(struct sova_engine *e, const struct sova_program *prog, const struct sova_models *models,
		      const struct sova_analyze_options *options);
void sova_engine_release(struct sova_engine *e);
const char *sova_engine_def_name(const struct sova_engine *e, int def);

/* The model entry in `role` for what a call calls, directly or through a
 * function pointer, when its model applies in the call's TU and its "when"
 * holds for the call's arguments; NULL otherwise. */
const struct sova_api_fn *sova_engine_api(const struct sova_engine *e, int def, int call, enum sova_api_role role);
/* A model's argument condition holds for the call. */
int sova_engine_when_holds(const struct sova_engine *e, int def, const struct sova_when *when, int call);
const struct sova_call *sova_engine_call(const struct sova_engine *e, int def, int call);
struct sova_loc sova_engine_loc(const struct sova_engine *e, int def, struct sova_loc loc);
/* Where a call's result is stored (the target of `x = call(...)`), or NULL. */
const struct sova_val *sova_engine_result_storage(const struct sova_engine *e, int def, int call);
/* The argument at index of a call, or NULL. */
const struct sova_val *sova_engine_arg(const struct sova_engine *e, int def, int call, long index);
/* The executor a submit names: its executor argument, or the model's
 * implicit executor (schedule_work: system_wq); NULL when neither. */
const struct sova_val *sova_engine_executor_arg(const struct sova_engine *e, int def, int call,
						const struct sova_api_fn *api);
/* What a wait waits on: its future argument, or the implicit executor it
 * drains (flush_scheduled_work: system_wq); NULL when neither. */
const struct sova_val *sova_engine_future_arg(const struct sova_engine *e, int def, int call,
					      const struct sova_api_fn *api);
/* The kind a model gives a global it names as an implicit executor, or unknown. */
enum sova_exec_kind sova_engine_implicit_kind(const struct sova_engine *e, const struct sova_val *val);
/* The call whose result a value is, through locals assigned once
 * (`source = g_socket_create_source(...)`), or -1. */
int sova_engine_result_of(const struct sova_engine *e, int def, const struct sova_val *v);
/* Follows a local variable to the one storage (variable, parameter, field)
 * ever assigned to it: an alias names the same thing as its source. */
const struct sova_val *sova_engine_resolve_local(const struct sova_engine *e, int def, const struct sova_val *val);
/* A call's argument followed through such a local, or NULL when the call
 * has no argument there. */
const struct sova_val *sova_engine_resolved_arg(const struct sova_engine *e, int def, int call, int index);
/* The same, in def's scope, or val itself when def is -1 (file scope). */
const struct sova_val *sova_engine_resolve(const struct sova_engine *e, int def, const struct sova_val *val);
/* Returns 1 when val is one of def's parameters. */
int sova_engine_is_param_of(const struct sova_engine *e, int def, const struct sova_val *val);
/* callers.c: every call of def, when they are all known: def is a static
 * function with callers whose address the program never takes, or keeps
 * only in fields its own calls read; NULL otherwise. Built from the program
 * alone (sova_link_callers_build, after the addresses are marked), before
 * the index's entries. */
void sova_link_callers_build(struct sova_engine *e);
void sova_link_callers_free(struct sova_engine *e);
const struct sova_caller *sova_engine_known_callers(const struct sova_engine *e, int def, size_t *n);
/* Other code can call def: it has external linkage, or it is stored into
 * a struct's field, a method of a vtable or interface that a public
 * function dispatches to (GInitableIface's init = initable_init, called by
 * g_initable_init). */
int sova_engine_callable_outside(const struct sova_engine *e, int def);
/* A function with a body sova may enter: not a model function, not cut by annotation. */
int sova_engine_traversable(const struct sova_engine *e, int sym);
/* The meaning a model gives one of sym's annotations, or NULL. */
const struct sova_annotation_model *sova_engine_annotation(const struct sova_engine *e, int sym,
							  enum sova_annotation_meaning means);
/* The kind of executor a value names, from the constructors assigned to it. */
enum sova_exec_kind sova_executor_kind(const struct sova_engine *e, int def, const struct sova_val *val);

/* Per def, per call: 1 when the call goes through an object found at run
 * time (unresolved.c). Needs apis and callers. */
unsigned char **sova_find_unresolved(const struct sova_engine *e);
void sova_unresolved_free(unsigned char **unresolved, size_t ndefs);
/* Returns 1 when the call runs only after a call that fails only when a
 * resource ran out failed: `while (pthread_mutex_init(...) != 0) sleep(1);` */
int sova_engine_on_exhaustion(const struct sova_engine *e, int def, int call);
/* Whether the process ends on every path from the call (extract_fatal.c):
 * an empty endless loop, or a noreturn call the models do not say the
 * program survives. Nothing waits on such a call. */
int sova_engine_on_fatal_path(const struct sova_engine *e, int def, int call);
/* Returns 1 when the call runs only where a context test (a model's
 * "context_tests": qemu_in_coroutine) says the caller is not in `context`:
 * after `if (qemu_in_coroutine()) return;`, nothing runs in a coroutine. */
int sova_engine_context_excludes(const struct sova_engine *e, int def, int call, enum sova_context context);
/* Returns 1 when the call is a submit-and-wait whose model says the pool
 * grows for it (grows_for_nested) and the entry was submitted to that same
 * implicit executor: g_task_run_in_thread_sync from a GTask thread. */
int sova_engine_nested_in_own_pool(const struct sova_engine *e, int def, int call, const struct sova_entry *entry);
/* Returns 1 when the call at (def, call) is unresolved. */
int sova_engine_unresolved(const struct sova_engine *e, int def, int call);

/* Finds the joins (def, call) that, run from an entry, wait only for a
 * thread that made its last act (joins.c). Needs apis and entries. */
void sova_find_finished_joins(const struct sova_engine *e, struct sova_finished_joins *out);
int sova_join_finished(const struct sova_finished_joins *joins, int def, int call, int entry);
void sova_finished_joins_free(struct sova_finished_joins *joins);

/* The calls modelled with exists_in_callbacks_of, and the callbacks in
 * whose run the object they return exists (shared.c). */
void sova_find_shared_objects(const struct sova_engine *e, struct sova_shared_objects *out);
int sova_shared_object_exists(const struct sova_shared_objects *shared, int def, int call, int sym);
/* The sym of a function on the state's chain in whose run the call's
 * shared object exists, or -1. */
int sova_shared_in_chain(const struct sova_engine *e, const struct sova_reach *reach, int state, int def, int call);
void sova_shared_objects_free(struct sova_shared_objects *shared);

/* Returns 1 when the wait at (def, call), a blocking entry with woken_by,
 * waits only for a thread the function has just started to end it first
 * thing (handshakes.c). Needs apis. */
int sova_start_handshake(const struct sova_engine *e, int def, int call, const struct sova_api_fn *wait);
/* Returns 1 when the join at (def, call) waits only for a thread that the
 * function started and has seen signal, its last act but quick calls
 * (handshakes.c). Needs apis. */
int sova_join_after_handshake(const struct sova_engine *e, int def, int call, const struct sova_api_fn *join);

/* Returns 1 when the call's argument that an "unless_global" condition
 * tests is one of the named globals, followed through locals, the
 * returns of the functions it calls and, now that the callers are known,
 * every caller of a static helper (engine.c). */
int sova_engine_arg_names_globals(const struct sova_engine *e, int def, int call, const struct sova_when *when);

/* Returns 1 when the blocking I/O at (def, call), an entry with ready_arg,
 * cannot block: its object is the ready parameter of a watched source's
 * callback, or made non-blocking, or watched in the same function
 * (readiness.c). Needs apis and entries. */
int sova_io_ready(const struct sova_engine *e, int def, int call, const struct sova_api_fn *io);

/* A nested-loop sync wrapper: the function that started the awaited work
 * (def), the call that started it, and, when a helper it calls runs the
 * loop, that call (via; else -1). */
struct sova_loop_wrapper {
	int def;
	int start;
	int via;
};

/* Whether the loop run at (def, call) waits on async work: a callback
 * registered earlier stops that loop, or sets what the test of the loop
 * around the call reads, in def or in a caller that hands the helper
 * the flag (loopwrappers.c). Fills out when it does. Needs entries. */
int sova_find_loop_wrapper(const struct sova_engine *e, int def, int call, const struct sova_api_fn *run,
			   struct sova_loop_wrapper *out);

/* What tests that hold of a reference (param, path) bind it to: a
 * constant (== K), an address (!= 0), or UNKNOWN. Tests of bits or of
 * order bind no value (engine.c). */
struct sova_bound sova_conds_bind(const struct sova_cond *conds, size_t n, int param, const char *path);

/* What the element a call passes as argument arg holds at path (a field
 * of it, in the form of sova_cond's), when def took it out of a list it
 * filled only through visitors whose callback adds under tests of the
 * element (elements.c); UNKNOWN otherwise. */
struct sova_bound sova_element_bound(const struct sova_engine *e, int def, int call, int arg, const char *path);
/* Per def, 1 when it reads the element field of a list record: the only
 * defs sova_element_bound looks into. NULL when no model names a list. */
unsigned char *sova_find_element_readers(const struct sova_engine *e);

/* Fills entries, relevant, any and single; with jobs > 1 the two
 * searches run on two threads (the same result). */
void sova_find_workers(struct sova_engine *e, int jobs);
void sova_reach_free(struct sova_reach *reach);
void sova_relevant_free(struct sova_engine *e);

/* Returns 1 unless the state's bound parameters contradict what must hold
 * for the call in its def to run (a constant false passed to `if (sync)`). */
/* The first of the call's conditions the state's bindings contradict (an
 * index into its conds, then its entry_conds), or -1; bound is what the
 * tested references were bound to, as in sova_pruned. */
int sova_state_contradiction(const struct sova_engine *e, const struct sova_reach *reach, int state, int call,
			     struct sova_bound bound[2]);
int sova_state_allows(const struct sova_engine *e, const struct sova_reach *reach, int state, int call);


/* A call path from a worker entry: defs[0] is the entry's body, calls[i]
 * the call in defs[i] that reaches defs[i + 1]. */
struct sova_path {
	int *defs;
	int *calls;
	size_t n;
};

/* The call path of a state, from its entry down. */
void sova_worker_path(const struct sova_reach *reach, int state, struct sova_path *path);

/* The calls a chain shows at most: a deeper one shows the first and last
 * half of them, and one step that counts the calls between. */
#define SOVA_CHAIN_SHOWN_CALLS 40

/* Builds the chain entry -> ... -> the call site_call in the path's last
 * def, and the step saying where the entry was registered. */
void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted);

/* Returns 1 when the wait at (def, call) provably does not block. */
int sova_wait_proven(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api);
/* Fills site->prov, prov_api, other_work and origin for the wait at (def, call). */
void sova_find_provenance(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			  struct sova_site *site, struct sova_origin *origin);
/* Fills the self_* fields when the wait at (def, call) waits on the executor
 * or the object of the task it runs in. */
/* The text of --explain for the sites on file:line (explain.c). */
char *sova_explain(const struct sova_engine *e, const struct sova_analysis *analysis,
		   const struct sova_analyze_options *options);

void sova_find_self_wait(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			 const struct sova_origin *origin, struct sova_site *site);

#endif /* SOVA_CONTEXTS_INTERNAL_H */
