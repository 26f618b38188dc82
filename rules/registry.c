/* registry.c - the rule table, generated from rules.def, and the look-ups
 * over it. The helpers the rules call live in helpers.c, so that the table
 * depends on the rules and the rules never on the table. */
#include <stdlib.h>
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

const char *sova_level_name(enum sova_level level)
{
	return level == SOVA_LEVEL_ERROR ? "error" : level == SOVA_LEVEL_WARNING ? "warning" : "note";
}

const struct sova_rule *sova_rule_find(const char *id_or_name)
{
	for (const struct sova_rule *const *r = sova_rules; *r; r++)
		if (strcasecmp((*r)->id, id_or_name) == 0 || strcmp((*r)->name, id_or_name) == 0)
			return *r;
	return NULL;
}
