/* block_in_worker.c - SOVA001: A blocking wait is reachable from a worker context.
 *
 * A pool thread that blocks on a future holds its thread while the work that
 * completes the future waits for a thread. Under load every thread waits and
 * the pool starves: the sync-over-async trap of .NET's Task.Result. On an
 * event loop, an aio callback or a coroutine the same wait stalls everything
 * else the context would have run. */
#include "rule.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/util.h"

static int check(const struct sova_site *site, struct sova_result *result)
{
	/* A nested-loop wrapper reached from a loop or another single-threaded
	 * context runs that context's callbacks under it: SOVA005's. */
	if (!site->is_wait || !site->async.reached || (site->generic && site->single.reached))
		return 0;
	char *runs = sova_result_context(result, &site->async);
	const char *harm = sova_context_harm(site->async.context);
	const char *until = site->bounded ? " until its timeout" : "";
	if (strcmp(site->function, site->async.entry) == 0)
		result->message = sova_xasprintf("'%s' %s%s: %s, and holds it while the awaited work waits", site->callee,
						 harm, until, runs);
	else
		result->message = sova_xasprintf("'%s' in '%s' %s%s: it is reached from '%s', and %s", site->callee,
						 site->function, harm, until, site->async.entry, runs);
	free(runs);
	result->level = site->bounded ? SOVA_LEVEL_NOTE : SOVA_LEVEL_WARNING;
	return 1;
}

const struct sova_rule rule_block_in_worker = {
	.id = "SOVA001",
	.name = "block-in-worker",
	.summary = "A blocking wait is reachable from a worker context.",
	.description = "A function that runs on an executor's thread, an event loop, an aio callback or a "
		       "coroutine, or is reached by calls from one, blocks until asynchronous work completes. The "
		       "thread is held while the awaited work waits for a thread, so under load every thread of the "
		       "pool waits and the pool starves: requests that take milliseconds locally take seconds in "
		       "production while the CPUs sit idle.",
	.fix = "Make the worker asynchronous all the way down: attach the rest of the work as a continuation "
	       "(fut_then) instead of waiting, and return or complete a future.",
	.level = SOVA_LEVEL_WARNING,
	.check = check,
};
