/* block_in_worker.c - SOVA001: A blocking wait is reachable from a worker context.
 *
 * A pool thread that blocks on a future holds its thread while the work that
 * completes the future waits for a thread. Under load every thread waits and
 * the pool starves: the sync-over-async trap of .NET's Task.Result. */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

static char *how_it_runs(const struct sova_site *site, int submitted)
{
	if (!site->submit_api)
		return sova_xasprintf("'%s' is annotated sova:worker", site->entry);
	return sova_xasprintf("'%s' runs on an executor ([submitted here](%d))", site->entry, submitted);
}

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->in_worker)
		return 0;
	sova_chain_copy(&result->chain, &site->worker);
	int submitted = site->submit_api ? sova_result_relate(result, &site->submitted) : -1;
	char *runs = how_it_runs(site, submitted);
	const char *blocks = site->bounded ? "blocks a worker thread until its timeout" : "blocks a worker thread";
	if (strcmp(site->function, site->entry) == 0)
		result->message = sova_xasprintf("'%s' %s: %s, and holds its thread while the awaited work waits "
						 "for one", site->callee, blocks, runs);
	else
		result->message = sova_xasprintf("'%s' in '%s' %s: it is reached from '%s', and %s", site->callee,
						 site->function, blocks, site->entry, runs);
	free(runs);
	result->level = site->bounded ? SOVA_LEVEL_NOTE : SOVA_LEVEL_WARNING;
	return 1;
}

const struct sova_rule rule_block_in_worker = {
	.id = "SOVA001",
	.name = "block-in-worker",
	.summary = "A blocking wait is reachable from a worker context.",
	.description = "A function that runs on an executor's thread, or is reached by calls from one, blocks "
		       "on a future. The thread is held while the awaited work waits for a thread, so under load "
		       "every thread of the pool waits and the pool starves: requests that take milliseconds "
		       "locally take seconds in production while the CPUs sit idle.",
	.fix = "Make the worker asynchronous all the way down: attach the rest of the work as a continuation "
	       "(fut_then) instead of waiting, and return or complete a future.",
	.level = SOVA_LEVEL_WARNING,
	.check = check,
};
