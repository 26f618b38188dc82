/* wrap_then_block.c - SOVA002: Work is submitted to an executor and immediately waited on.
 *
 * fut_get(fut_submit(...)) spends two threads on one thread's work, and
 * inherits every starvation risk of the pool it submits to: the C form of
 * Task.Run(() => x()).Result. */
#include "rule.h"

#include "../analyzer/util.h"

static int check(const struct sova_site *site, struct sova_result *result)
{
	if (!site->is_wait || site->prov != SOVA_PROV_SUBMIT || site->other_work)
		return 0;
	int submitted = sova_result_origin(result, site);
	result->level = SOVA_LEVEL_WARNING;
	result->message = sova_xasprintf("'%s' blocks on work that was just submitted ([by '%s' here](%d)) with "
					 "nothing else started in between: two threads do one thread's work",
					 site->callee, site->prov_api, submitted);
	return 1;
}

const struct sova_rule rule_wrap_then_block = {
	.id = "SOVA002",
	.name = "wrap-then-block",
	.summary = "Work is submitted to an executor and immediately waited on.",
	.description = "The code blocks on a future whose work it has just submitted, with no other work "
		       "started in between. The calling thread does nothing while another thread does the work, "
		       "and when the caller itself runs on the same pool the submit can starve or deadlock it.",
	.fix = "Call the work function directly when the result is needed now, or attach the rest of the "
	       "computation as a continuation (fut_then) and return the future.",
	.level = SOVA_LEVEL_WARNING,
	.check = check,
};
