/* baseline.c - an earlier SARIF log whose results are known debt. */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"
#include "util.h"

static const char *string_member(const cJSON *object, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(object, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int read_result(struct sova_json_doc *r, struct sova_baseline *b, const cJSON *result)
{
	if (!cJSON_IsObject(result))
		return sova_json_error(r, "a result must be an object");
	const cJSON *fps = cJSON_GetObjectItemCaseSensitive(result, "partialFingerprints");
	struct sova_baseline_result br = {
		.rule = string_member(result, "ruleId"),
		.fingerprint = fps ? string_member(fps, "sova/v1") : NULL,
		.line_hash = fps ? string_member(fps, "primaryLocationLineHash") : NULL,
		.json = result,
	};
	if (!br.rule)
		return sova_json_error(r, "a result lacks a string 'ruleId'");
	if (!br.fingerprint)
		return sova_json_error(r, "a result lacks partialFingerprints[\"sova/v1\"]: was the baseline written by sova?");
	/* Results marked absent by an earlier comparison are not debt any more. */
	const char *state = string_member(result, "baselineState");
	if (state && strcmp(state, "absent") == 0)
		return 0;
	SOVA_PUSH(b->results, b->nresults, b->capresults, br);
	return 0;
}

static int read_log(struct sova_json_doc *r, struct sova_baseline *b)
{
	const cJSON *runs = cJSON_GetObjectItemCaseSensitive(r->root, "runs");
	if (!cJSON_IsObject(r->root) || !cJSON_IsArray(runs))
		return sova_json_error(r, "a SARIF log needs a 'runs' array");
	sova_json_enter_key(r, "runs");
	int i = 0;
	for (const cJSON *run = runs->child; run; run = run->next, i++) {
		sova_json_enter_index(r, i);
		const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
		if (!cJSON_IsArray(results))
			return sova_json_error(r, "a run needs a 'results' array");
		sova_json_enter_key(r, "results");
		int k = 0;
		for (const cJSON *result = results->child; result; result = result->next, k++) {
			sova_json_enter_index(r, k);
			if (read_result(r, b, result) != 0)
				return -1;
			sova_json_leave(r);
		}
		sova_json_leave(r);
		sova_json_leave(r);
	}
	return 0;
}

int sova_baseline_load(struct sova_baseline *baseline, const char *path, char *err, size_t errlen)
{
	memset(baseline, 0, sizeof(*baseline));
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "baseline", err, errlen);
	if (rc == 0)
		rc = read_log(&doc, baseline);
	/* The baseline keeps the parsed log: its results are copied out as absent ones. */
	baseline->root = doc.root;
	doc.root = NULL;
	sova_json_doc_free(&doc);
	return rc;
}

void sova_baseline_free(struct sova_baseline *baseline)
{
	cJSON_Delete(baseline->root);
	free(baseline->results);
	memset(baseline, 0, sizeof(*baseline));
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

enum sova_baseline_state sova_baseline_match(struct sova_baseline *baseline, const char *rule,
					     const char *fingerprint, const char *line_hash)
{
	for (size_t i = 0; i < baseline->nresults; i++) {
		struct sova_baseline_result *br = &baseline->results[i];
		if (!br->matched && same(br->rule, rule) && same(br->fingerprint, fingerprint)) {
			br->matched = 1;
			return SOVA_BASELINE_UNCHANGED;
		}
	}
	for (size_t i = 0; i < baseline->nresults; i++) {
		struct sova_baseline_result *br = &baseline->results[i];
		if (!br->matched && same(br->rule, rule) && same(br->line_hash, line_hash)) {
			br->matched = 1;
			return SOVA_BASELINE_UPDATED;
		}
	}
	return SOVA_BASELINE_NEW;
}
