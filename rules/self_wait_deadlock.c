/* self_wait_deadlock.c - SOVA004: A task blocks on work it submitted to the executor it runs on.
 *
 * The awaited work is queued on the executor whose thread the waiting task
 * holds. On a serial executor it can never start; on a bounded pool it
 * starts only while some other thread is free, and under load none is. */
#include "rule.h"

#include <stdlib.h>

#include "../analyzer/util.h"

static const char *why(const struct sova_site *site)
{
	if (site->self_handle)
		return "certain deadlock: it waits for the callback it is running in to finish";
	if (site->self_drains)
		return "certain deadlock: it waits for every task of the executor to finish, its own included";
	switch (site->self_kind) {
	case SOVA_EXEC_SERIAL:
		return "certain deadlock: the serial executor runs one task at a time";
	case SOVA_EXEC_LOOP:
		return "certain deadlock: the loop cannot run the work while it waits";
	case SOVA_EXEC_POOL:
		return "deadlock under load: once every thread of the bounded pool waits like this, no thread is "
		       "left to run the work";
	default:
		return "deadlock: certain if the executor is serial, under load if it is a bounded pool";
	}
}

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->self_wait)
		return 0;
	sova_chain_copy(&result->chain, &site->self_chain);
	char *task = site->self_submit.message
			     ? sova_xasprintf(" ([registered here](%d))", sova_result_relate(result, &site->self_submit))
			     : sova_xstrdup("");
	char *queued = site->inner_submit.message
			       ? sova_xasprintf(" ([queued here](%d))", sova_result_relate(result, &site->inner_submit))
			       : sova_xstrdup("");
	result->level = SOVA_LEVEL_ERROR;
	if (site->self_handle)
		result->message = sova_xasprintf("'%s' waits on '%s', the object of the callback it runs in%s; %s",
						 site->callee, site->executor, task, why(site));
	else
		result->message = sova_xasprintf("'%s' waits on work for '%s'%s, the executor the task runs on%s; %s",
						 site->callee, site->executor, queued, task, why(site));
	free(task);
	free(queued);
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
