/* block_in_worker.c - SOVA001: a blocking wait reachable from a worker context.
 *
 * A pool thread that blocks on a future holds its thread while the work that
 * completes the future waits for a thread. Under load every thread waits and
 * the pool starves: the sync-over-async trap of .NET's Task.Result. */
#include "rule.h"

#include "../analyzer/util.h"

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->in_worker)
		return 0;
	sova_chain_copy(&result->chain, &site->worker);
	result->level = site->bounded ? SOVA_LEVEL_NOTE : SOVA_LEVEL_WARNING;
	const char *what = site->bounded ? "a bounded wait" : "a blocking wait";
	if (site->submit_api) {
		int submitted = sova_result_relate(result, &site->submitted);
		result->message = sova_xasprintf("'%s' is %s in a worker context: '%s' runs on an executor "
						 "([submitted here](%d)) and holds its thread while it waits",
						 site->callee, what, site->entry, submitted);
	} else {
		result->message = sova_xasprintf("'%s' is %s in a worker context: '%s' is annotated sova:worker "
						 "and holds its thread while it waits",
						 site->callee, what, site->entry);
	}
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
