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

void sova_apply_rules(const struct sova_analysis *analysis, const struct sova_program *prog,
		      struct sova_results *out);
void sova_results_free(struct sova_results *results);

#endif /* SOVA_RESULTS_H */
