/* contexts_internal.h - what the files of the contexts stage share:
 * contexts.c (sites, chains), workers.c (worker entries and contexts),
 * provenance.c (where an awaited future came from, completion proofs) and
 * selfwait.c (executor identity). */
#ifndef SOVA_CONTEXTS_INTERNAL_H
#define SOVA_CONTEXTS_INTERNAL_H

#include "contexts.h"

struct sova_caller {
	int def;
	int call;
};

/* A function made a worker: by a submit call, or by annotation (def < 0). */
struct sova_entry {
	int sym;
	int def;  /* the function containing the submit call */
	int call; /* the submit call */
	const struct sova_api_fn *api;
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

/* A function reached from a worker entry, in a calling context: the call it
 * was entered by, when its function-pointer parameters make that matter. */
struct sova_worker_state {
	int def;
	int ctx_def, ctx_call; /* the call it was entered by; -1 when context-free */
	int parent;            /* the state it was reached from, or -1 for an entry */
	int parent_call;       /* the call in the parent's def that reached it */
	int entry;             /* index into entries */
};

struct sova_engine {
	const struct sova_program *prog;
	const struct sova_models *models;
	struct sova_caller **callers; /* per def: the calls that may reach it */
	size_t *ncallers, *capcallers;
	struct sova_entry *entries;
	size_t nentries, capentries;
	struct sova_worker_state *states; /* the forward search from the entries */
	size_t nstates, capstates;
	int *first_state; /* per def: its first (shortest-chain) state, or -1: not a worker */
};

/* The model entry for the function a call names, directly or through a
 * function pointer that may hold it; NULL when none is modelled. */
const struct sova_api_fn *sova_engine_api(const struct sova_engine *e, int def, int call);
const struct sova_call *sova_engine_call(const struct sova_engine *e, int def, int call);
struct sova_loc sova_engine_loc(const struct sova_engine *e, int def, struct sova_loc loc);
#define SOVA_ANN_WORKER "sova:worker"
#define SOVA_ANN_BLOCKING "sova:blocking"
#define SOVA_ANN_NONBLOCKING "sova:nonblocking"

/* A function with a body sova may enter: not a model function, not cut by annotation. */
int sova_engine_traversable(const struct sova_engine *e, int sym);

/* Fills entries, states and first_state. */
void sova_find_workers(struct sova_engine *e);

/* Follows a local variable to the one storage (variable, parameter, field)
 * ever assigned to it: an alias names the same thing as its source. */
const struct sova_val *sova_engine_resolve_local(const struct sova_engine *e, int def, const struct sova_val *val);

/* Returns 1 when the wait at (def, call) provably does not block. */
int sova_wait_proven(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api);
/* Fills site->prov, prov_api, other_work and origin for the wait at (def, call). */
void sova_find_provenance(const struct sova_engine *e, int def, int call, const struct sova_api_fn *api,
			  struct sova_site *site, struct sova_origin *origin);
/* Fills the self_* fields when a worker waits on work submitted to its own executor. */
void sova_find_self_wait(const struct sova_engine *e, int def, int call, const struct sova_origin *origin,
			 struct sova_site *site);
/* A call path from a worker entry: defs[0] is the entry's body, calls[i]
 * the call in defs[i] that reaches defs[i + 1]. */
struct sova_path {
	int *defs;
	int *calls;
	size_t n;
};

/* The call path of a worker state, from its entry down. */
void sova_worker_path(const struct sova_engine *e, int state, struct sova_path *path);

/* Builds the chain entry -> ... -> the call site_call in the path's last
 * def, and the step saying where the entry was submitted. */
void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted);

#endif /* SOVA_CONTEXTS_INTERNAL_H */
