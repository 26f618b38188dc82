/* contexts.h - stage 5: execution contexts, blocking sites and what each one waits on.
 *
 * For every blocking call in the program this stage works out the facts the
 * rules decide on: is it reachable from a worker (and by which chain), where
 * did the awaited future come from, and does the task wait on its own
 * executor. It decides nothing itself; rules/ does. */
#ifndef SOVA_CONTEXTS_H
#define SOVA_CONTEXTS_H

#include <stddef.h>

#include "facts.h"
#include "link.h"
#include "models.h"

/* One location of a chain or a related location, with what happens there. */
struct sova_step {
	struct sova_loc loc; /* global file index */
	unsigned depth;      /* call depth in a chain, from 1; 0 for related locations */
	char *message;
};

struct sova_chain {
	struct sova_step *steps;
	size_t nsteps, capsteps;
};

enum sova_provenance {
	SOVA_PROV_NONE = 0, /* unknown, or a future handed in by the caller */
	SOVA_PROV_SUBMIT,   /* work submitted to an executor (submit or continuation) */
	SOVA_PROV_ASYNC,    /* any other call that returns a future */
};

struct sova_site {
	struct sova_loc loc;  /* the blocking call (global file index) */
	const char *callee;   /* the blocking function */
	const char *function; /* the function the call is in */
	int is_wait;          /* a model wait on a future, not another blocking call */
	int bounded;          /* gives up after a timeout */
	int external;         /* the enclosing function is externally visible */
	int is_main;          /* the enclosing function is main */

	int in_worker;
	const char *entry;          /* the worker entry the chain starts at */
	const char *submit_api;     /* how the entry became a worker; NULL when annotated */
	struct sova_chain worker;   /* entry -> ... -> this call */
	struct sova_step submitted; /* where the entry was submitted (when submit_api) */

	enum sova_provenance prov;
	const char *prov_api;     /* the submit or async function the future came from */
	int other_work;           /* other work was started between that call and the wait */
	struct sova_chain origin; /* this wait -> calls -> the call that made the future */

	int self_wait;
	enum sova_exec_kind self_kind;
	const char *executor;          /* the executor's spelling */
	struct sova_chain self_chain;  /* entry -> ... -> this call, for the matching entry */
	struct sova_step self_submit;  /* where the entry was submitted to the executor */
	struct sova_step inner_submit; /* where the awaited work was submitted to it */
};

struct sova_analysis {
	struct sova_site *sites;
	size_t nsites, capsites;
};

/* Finds every blocking site and its facts. */
void sova_analyze(const struct sova_program *prog, const struct sova_models *models, struct sova_analysis *out);
void sova_analysis_free(struct sova_analysis *analysis);

/* Appends a step; the chain takes ownership of message. */
void sova_chain_add(struct sova_chain *chain, struct sova_loc loc, unsigned depth, char *message);
void sova_chain_free(struct sova_chain *chain);
void sova_chain_copy(struct sova_chain *dst, const struct sova_chain *src);

#endif /* SOVA_CONTEXTS_H */
