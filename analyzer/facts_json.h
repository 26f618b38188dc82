/* facts_json.h - the per-TU summary as JSON, for --dump-facts, caches and extract/link. */
#ifndef SOVA_FACTS_JSON_H
#define SOVA_FACTS_JSON_H

#include <cjson/cJSON.h>

#include "facts.h"

/* Returns a new JSON object describing facts; the caller owns it. */
cJSON *sova_facts_to_json(const struct sova_tu_facts *facts);

#endif /* SOVA_FACTS_JSON_H */
