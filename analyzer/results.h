/* results.h - stage 6: rules turn blocking sites into results.
 *
 * Each site is offered to the rules in precedence order; the first that fires
 * owns it, so a blocking call gets at most one result. The list is sorted by
 * file, line, column and rule, so output does not depend on parse order. */
#ifndef SOVA_RESULTS_H
#define SOVA_RESULTS_H

#include "../rules/rule.h"
#include "contexts.h"
#include "link.h"

struct sova_results {
	struct sova_result *items;
	size_t count, cap;
};

/* The level configured for a rule's results on a kind of blocking: an enum
 * sova_level, SOVA_CONFIG_LEVEL_OFF, or SOVA_CONFIG_LEVEL_UNSET for the
 * level the rule chose. */
typedef int (*sova_level_fn)(const struct sova_rule *rule, enum sova_block_kind kind, const void *data);

/* A rule that is off is skipped: the site goes to the next rule that fires. */
void sova_apply_rules(const struct sova_analysis *analysis, const struct sova_program *prog, sova_level_fn level_of,
		      const void *level_data, struct sova_results *out);
void sova_results_free(struct sova_results *results);
void sova_result_free(struct sova_result *result);

#endif /* SOVA_RESULTS_H */
