/* contexts_internal.h - what the three files of the contexts stage share:
 * contexts.c (workers, sites, chains), provenance.c (where an awaited
 * future came from, completion proofs) and selfwait.c (executor identity). */
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

struct sova_engine {
	const struct sova_program *prog;
	const struct sova_models *models;
	struct sova_caller **callers; /* per def: the calls that may reach it */
	size_t *ncallers, *capcallers;
	struct sova_entry *entries;
	size_t nentries, capentries;
	int *parent_def;  /* forward search from the entries: how each def was reached */
	int *parent_call;
	int *entry_of;    /* index into entries, or -1 when not in a worker */
};

/* The model entry for the function a call names directly, or NULL. */
const struct sova_api_fn *sova_engine_api(const struct sova_engine *e, int def, int call);
const struct sova_call *sova_engine_call(const struct sova_engine *e, int def, int call);
struct sova_loc sova_engine_loc(const struct sova_engine *e, int def, struct sova_loc loc);
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

/* Builds the chain entry -> ... -> the call site_call in the path's last
 * def, and the step saying where the entry was submitted. */
void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted);

#endif /* SOVA_CONTEXTS_INTERNAL_H */
