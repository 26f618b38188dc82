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

/* The most entry functions a site can keep a chain from (--entry-flows):
 * the shortest chain from each of the first ones to reach it. */
#define SOVA_ENTRY_FLOWS 5

/* How an entry was made one: handed to a model's submit or continuation
 * call, stored into a model's callback field, or annotated. */
enum sova_entry_origin {
	SOVA_ENTRY_CALL = 0,
	SOVA_ENTRY_FIELD,
	SOVA_ENTRY_ANNOTATION,
};

/* "registered with 'fut_submit'", "registered with field 'func'" or
 * "annotated sova:worker": how an entry came to be one. Caller frees. */
char *sova_entry_origin_phrase(enum sova_entry_origin origin, const char *how);

/* "a pool context", "an aio context". */
char *sova_context_phrase(enum sova_context context);

/* How a function came to run in an async context, and the chain from there. */
struct sova_context_path {
	int reached;
	enum sova_context context; /* of the entry the chain starts at */
	const char *entry;         /* the entry function */
	const char *how;           /* the submit function, callback field or annotation */
	enum sova_entry_origin origin;
	int registered;            /* `submitted` names where the entry was registered */
	struct sova_chain chain;   /* entry -> ... -> the blocking call */
	struct sova_chain *others; /* the shortest feasible chain from each other entry function, shortest first */
	const char **other_entries; /* and that entry function's name */
	size_t nothers;
	int more_entries;          /* entry functions beyond those reach the call's function too */
	struct sova_step submitted;
	int unresolved;                /* the chain passes through a call sova cannot resolve */
	struct sova_step unresolved_at; /* the first such call, when it does */
};

struct sova_site {
	struct sova_loc loc;  /* the blocking call (global file index) */
	const char *callee;   /* the blocking function */
	const char *function; /* the function the call is in */
	int is_wait;          /* waits on async work (a future, an aio, a queue's task...) */
	int generic;          /* blocks for a generic reason: sleep, join, condition variable */
	int bounded;          /* gives up after a timeout */
	enum sova_block_kind kind; /* what it waits for */
	int external;         /* other code can call the enclosing function (waits: a vtable method too) */
	int is_main;          /* the enclosing function is main */
	/* A nested-loop wrapper: the function that started the awaited work,
	 * this one or a caller whose helper runs the loop, and whether other
	 * code can call it (external linkage, or a method stored in a vtable's
	 * field). NULL otherwise. */
	const char *wrapper;
	int wrapper_external;

	struct sova_context_path async;  /* reached from any async context */
	struct sova_context_path single; /* reached from a single-threaded one: loop, aio, coroutine, serial */

	enum sova_provenance prov;
	const char *prov_api;     /* the submit or async function the future came from */
	int other_work;           /* other work was started between that call and the wait */
	struct sova_chain origin; /* this wait -> calls -> the call that made the future */

	int self_wait;
	int self_handle;               /* waits on its own object (aio, work item), not its executor */
	int self_drains;               /* waits for every task of its own executor, itself included */
	enum sova_exec_kind self_kind; /* of the executor, for self-waits on it */
	const char *executor;          /* the spelling of what is waited on */
	struct sova_chain self_chain;  /* entry -> ... -> this call, for the matching entry */
	struct sova_step self_submit;  /* where the entry was registered */
	struct sova_step inner_submit; /* where the awaited work was queued on it, if it was */
};

struct sova_analysis {
	struct sova_site *sites;
	size_t nsites, capsites;
	char *explanation; /* with options.explain_file: the text of --explain, else NULL */
};

struct sova_analyze_options {
	/* Follow calls through objects found at run time (unresolved.c), whose
	 * targets may be any function stored in that field anywhere. */
	int show_unresolved;
	/* --entry-flows: keep the shortest chain from up to this many entry
	 * functions per site (1, the default: the shortest chain only). A
	 * second entry's chain is right less often than the first's (see
	 * docs/precision.md), so more is asked for. */
	int entry_flows;
	/* --explain FILE:LINE: also explain the blocking calls on that line
	 * (a path, or its tail after a '/'), into analysis.explanation. */
	const char *explain_file;
	unsigned explain_line;
	const char *explain_base; /* paths under it are shown relative to it */
	/* Threads the analysis may use (-j): with two or more, the searches
	 * from any async context and from single-threaded ones run side by
	 * side. Each is sequential, so the result is the same at any -j. */
	int jobs;
};

/* Whether a program file is the one --explain names: the same path, or
 * one ending in '/' and the name given. */
int sova_explain_file_matches(const char *path, const char *want);

/* Finds every blocking site and its facts. */
void sova_analyze(const struct sova_program *prog, const struct sova_models *models,
		  const struct sova_analyze_options *options, struct sova_analysis *out);
void sova_analysis_free(struct sova_analysis *analysis);

/* Appends a step; the chain takes ownership of message. */
void sova_chain_add(struct sova_chain *chain, struct sova_loc loc, unsigned depth, char *message);
void sova_chain_free(struct sova_chain *chain);
/* Frees n chains and the array that holds them. */
void sova_chains_free(struct sova_chain *chains, size_t n);
void sova_chain_copy(struct sova_chain *dst, const struct sova_chain *src);

#endif /* SOVA_CONTEXTS_H */
