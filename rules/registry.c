/* registry.c - the rule table, generated from rules.def. */
#include <string.h>

#include "rule.h"
#include "../analyzer/util.h"

#define RULE(name) extern const struct sova_rule rule_##name;
#include "rules.def"
#undef RULE

const struct sova_rule *const sova_rules[] = {
#define RULE(name) &rule_##name,
#include "rules.def"
#undef RULE
	NULL,
};

const struct sova_rule *sova_rule_find(const char *id_or_name)
{
	for (const struct sova_rule *const *r = sova_rules; *r; r++)
		if (strcasecmp((*r)->id, id_or_name) == 0 || strcmp((*r)->name, id_or_name) == 0)
			return *r;
	return NULL;
}

int sova_result_relate(struct sova_result *result, const struct sova_step *step)
{
	sova_chain_add(&result->related, step->loc, 0, sova_xstrdup(step->message));
	return (int)result->related.nsteps - 1;
}
