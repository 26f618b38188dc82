/* block_in_event_loop.c - SOVA005: A generic blocking call runs in a single-threaded async context.
 *
 * An event loop, an aio callback thread, a coroutine's thread or a serial
 * executor runs one thing at a time: a sleep, a join or a condition wait in
 * one callback stalls every other callback, timer and I/O completion it
 * would have run. Pools are exempt: blocking one of many threads is what a
 * pool is for. Local-file I/O is a note: GNOME code reads its files on the
 * loop at start-up by design, and a level per kind in .sova.json says
 * where a project holds otherwise. */
#include "rule.h"

#include <stdlib.h>

#include "../analyzer/util.h"

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->generic || !site->single.reached)
		return 0;
	char *runs = sova_result_context(result, &site->single);
	result->message = sova_xasprintf("'%s' (%s) in '%s' %s: %s, so nothing else it would run can run meanwhile",
					 site->callee, sova_block_kind_phrase(site->kind), site->function,
					 sova_context_harm(site->single.context), runs);
	free(runs);
	result->level = site->bounded || site->kind == SOVA_BLOCK_FILE ? SOVA_LEVEL_NOTE : SOVA_LEVEL_WARNING;
	return 1;
}

const struct sova_rule rule_block_in_event_loop = {
	.id = "SOVA005",
	.name = "block-in-event-loop",
	.summary = "A generic blocking call runs in a single-threaded async context.",
	.description = "A sleep, a thread join, a condition-variable or semaphore wait, a queue pop, a nested "
		       "loop run or blocking I/O is reachable from an event-loop callback, an aio callback, a "
		       "coroutine or a task on a serial executor. That context runs one thing at a time, so every "
		       "other callback, timer and completion waits as long as the call blocks.",
	.fix = "Use the loop's own asynchronous form (a timer instead of a sleep, an async read instead of a "
	       "blocking one, a completion callback instead of a join), or move the blocking work to a pool "
	       "(uv_queue_work, g_task_run_in_thread) and continue in its completion callback.",
	.level = SOVA_LEVEL_WARNING,
	.check = check,
};
