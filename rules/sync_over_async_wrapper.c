/* sync_over_async_wrapper.c - SOVA003: An externally visible function blocks on a future from an asynchronous API.
 *
 * A synchronous wrapper over an asynchronous API hides the wait from every
 * caller; once any caller runs on a pool, the wrapper starves it. */
#include "rule.h"

#include "../analyzer/util.h"

#include <string.h>

/* The function that hides the wait: for a nested-loop wrapper, the one
 * that started the work, which may leave the loop to a helper. */
static const char *wrapper_of(const struct sova_site *site, int *external)
{
	*external = site->wrapper ? site->wrapper_external : site->external;
	return site->wrapper ? site->wrapper : site->function;
}

static int check(const struct sova_site *site, struct sova_result *result)
{
	int external;
	const char *wrapper = wrapper_of(site, &external);
	if (!site->is_wait || site->prov == SOVA_PROV_NONE || !external || strcmp(wrapper, "main") == 0 ||
	    site->async.reached)
		return 0;
	int from = sova_result_origin(result, site);
	result->level = SOVA_LEVEL_NOTE;
	if (site->generic && wrapper != site->function)
		result->message = sova_xasprintf("'%s' is a synchronous wrapper over an asynchronous API: through "
						 "'%s', it runs a loop in '%s' until the work from '%s' ([here](%d)) "
						 "is done, and so blocks every caller",
						 wrapper, site->function, site->callee, site->prov_api, from);
	else if (site->generic)
		result->message = sova_xasprintf("'%s' is a synchronous wrapper over an asynchronous API: it runs a "
						 "loop in '%s' until the work from '%s' ([here](%d)) is done, and so "
						 "blocks every caller",
						 site->function, site->callee, site->prov_api, from);
	else
		result->message = sova_xasprintf("'%s' is a synchronous wrapper over an asynchronous API: it blocks "
						 "in '%s' on the future from '%s' ([here](%d)), and so blocks every "
						 "caller",
						 site->function, site->callee, site->prov_api, from);
	return 1;
}

const struct sova_rule rule_sync_over_async_wrapper = {
	.id = "SOVA003",
	.name = "sync-over-async-wrapper",
	.summary = "An externally visible function blocks on a future from an asynchronous API.",
	.description = "A function other code can call hides a blocking wait on asynchronous work. Callers "
		       "cannot see the wait; the first one that runs on a pool thread or an event loop turns the "
		       "wrapper into pool starvation, and the trap spreads through every layer above it.",
	.fix = "Expose the asynchronous API instead: return the future (or take a continuation) and let "
	       "callers chain on it with fut_then.",
	.level = SOVA_LEVEL_NOTE,
	.check = check,
};
