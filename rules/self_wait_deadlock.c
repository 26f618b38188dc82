/* self_wait_deadlock.c - SOVA004: A task blocks on work it submitted to the executor it runs on.
 *
 * The awaited work is queued on the executor whose thread the waiting task
 * holds. On a serial executor it can never start; on a bounded pool it
 * starts only while some other thread is free, and under load none is. */
#include "rule.h"

#include "../analyzer/util.h"

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->self_wait)
		return 0;
	const char *why = site->self_kind == SOVA_EXEC_SERIAL
				  ? "certain deadlock: the serial executor runs one task at a time"
			  : site->self_kind == SOVA_EXEC_POOL
				  ? "deadlock under load: once every thread of the bounded pool waits like this, no "
				    "thread is left to run the work"
				  : "deadlock: certain if the executor is serial, under load if it is a bounded pool";
	sova_chain_copy(&result->chain, &site->self_chain);
	int outer = sova_result_relate(result, &site->self_submit);
	int inner = sova_result_relate(result, &site->inner_submit);
	result->level = SOVA_LEVEL_ERROR;
	result->message = sova_xasprintf("'%s' waits on work submitted to '%s', the executor the task runs on "
					 "([submitted here](%d), [task submitted here](%d)); %s",
					 site->callee, site->executor, inner, outer, why);
	return 1;
}

const struct sova_rule rule_self_wait_deadlock = {
	.id = "SOVA004",
	.name = "self-wait-deadlock",
	.summary = "A task blocks on work it submitted to the executor it runs on.",
	.description = "A task running on executor E blocks on a future of work submitted to the same E. The work "
		       "is queued behind the waiting task: on a serial executor it can never run, so the deadlock "
		       "is certain; on a bounded pool it runs only while another thread is free, so the program "
		       "deadlocks under load.",
	.fix = "Do not wait: chain the rest of the task as a continuation (fut_then) on the submitted work's "
	       "future, or run the nested work inline.",
	.level = SOVA_LEVEL_ERROR,
	.check = check,
};
