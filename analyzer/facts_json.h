/* facts_json.h - the per-TU summary as JSON, for --dump-facts, caches and extract/link. */
#ifndef SOVA_FACTS_JSON_H
#define SOVA_FACTS_JSON_H

#include <cjson/cJSON.h>

#include "facts.h"

/* Returns a new JSON object describing facts; the caller owns it. */
cJSON *sova_facts_to_json(const struct sova_tu_facts *facts);

/* Reads a summary written by sova_facts_to_json into facts (zeroed here).
 * Returns 0, or -1 when the JSON is not exactly such a summary; facts is
 * then left empty. */
int sova_facts_from_json(const cJSON *json, struct sova_tu_facts *facts);

#endif /* SOVA_FACTS_JSON_H */
