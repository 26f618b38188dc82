/* baseline.c - an earlier SARIF log whose results are known debt.
 *
 * A baseline can be as large as a log gets (25,000 results with their
 * chains, hundreds of megabytes), and a cJSON tree is many times its text.
 * So the results are never one tree: the log's skeleton, the text with the
 * inside of every run's "results" array blanked, is parsed and checked as
 * a whole, and each result is parsed alone, its keys copied out, its tree
 * freed. A result the run no longer has is parsed again from the text when
 * the report writes it as absent. Memory: the text and its skeleton, under
 * 3x the file. */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"
#include "util.h"

/* Where each run's results array is in the text: [open, close). */
struct results_span {
	size_t open, close;
};

static char *string_member(const cJSON *object, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(object, key);
	return cJSON_IsString(v) ? sova_xstrdup(v->valuestring) : NULL;
}

static void result_free(struct sova_baseline_result *br)
{
	free(br->rule);
	free(br->fingerprint);
	free(br->line_hash);
}

/* Reads the result parsed from text[start, end). */
static int read_result(struct sova_json_doc *doc, struct sova_baseline *b, const cJSON *result, size_t start,
		       size_t end)
{
	if (!cJSON_IsObject(result))
		return sova_json_error_at(doc, start, "a result must be an object");
	const cJSON *fps = cJSON_GetObjectItemCaseSensitive(result, "partialFingerprints");
	struct sova_baseline_result br = {
		.rule = string_member(result, "ruleId"),
		.fingerprint = fps ? string_member(fps, "sova/v1") : NULL,
		.line_hash = fps ? string_member(fps, "primaryLocationLineHash") : NULL,
		.offset = start,
		.length = end - start,
	};
	int rc = 0;
	const cJSON *state = cJSON_GetObjectItemCaseSensitive(result, "baselineState");
	if (!br.rule)
		rc = sova_json_error_at(doc, start, "a result lacks a string 'ruleId'");
	else if (!br.fingerprint)
		rc = sova_json_error_at(doc, start,
					"a result lacks partialFingerprints[\"sova/v1\"]: was the baseline written by sova?");
	/* Results marked absent by an earlier comparison are not debt any more. */
	if (rc != 0 || (cJSON_IsString(state) && strcmp(state->valuestring, "absent") == 0)) {
		result_free(&br);
		return rc;
	}
	SOVA_PUSH(b->results, b->nresults, b->capresults, br);
	return 0;
}

/* Reads each element of the results array at span, one tree at a time. */
static int read_results(struct sova_json_doc *doc, struct sova_baseline *b, const struct results_span *span)
{
	const char *t = b->text;
	size_t len = b->len, at = sova_json_skip_ws(t, len, span->open + 1);
	while (at < span->close - 1) {
		size_t end = sova_json_value_end(t, len, at);
		const char *parsed_to = NULL;
		cJSON *result = cJSON_ParseWithLengthOpts(t + at, end - at, &parsed_to, 0);
		if (!result || parsed_to != t + end) {
			size_t off = parsed_to && parsed_to >= t + at && parsed_to <= t + end ? (size_t)(parsed_to - t) : at;
			cJSON_Delete(result);
			return sova_json_error_at(doc, off, "not valid JSON");
		}
		int rc = read_result(doc, b, result, at, end);
		cJSON_Delete(result);
		if (rc != 0)
			return -1;
		at = sova_json_skip_ws(t, len, end);
		if (at < span->close - 1 && t[at] != ',')
			return sova_json_error_at(doc, at, "not valid JSON");
		at = at < span->close - 1 ? sova_json_skip_ws(t, len, at + 1) : at;
	}
	return 0;
}

/* Finds every run's results array (the first "results" member of each
 * element of the first "runs" member, as cJSON reads them) and blanks its
 * inside in the skeleton, newlines kept so that positions stay true. */
static size_t find_results(const char *t, size_t len, char *skeleton, struct results_span **spans)
{
	size_t n = 0, cap = 0;
	*spans = NULL;
	size_t runs = sova_json_member(t, len, sova_json_skip_ws(t, len, 0), "runs");
	if (runs >= len || t[runs] != '[')
		return 0;
	size_t at = sova_json_skip_ws(t, len, runs + 1);
	while (at < len && t[at] != ']') {
		size_t results = sova_json_member(t, len, at, "results");
		if (results < len && t[results] == '[') {
			struct results_span span = { results, sova_json_value_end(t, len, results) };
			for (size_t i = span.open + 1; i + 1 < span.close; i++)
				if (skeleton[i] != '\n')
					skeleton[i] = ' ';
			SOVA_PUSH(*spans, n, cap, span);
		} else {
			SOVA_PUSH(*spans, n, cap, ((struct results_span){ 0, 0 }));
		}
		at = sova_json_skip_ws(t, len, sova_json_value_end(t, len, at));
		if (at < len && t[at] == ',')
			at = sova_json_skip_ws(t, len, at + 1);
		else
			break;
	}
	return n;
}

/* Checks the skeleton's shape and reads each run's results. */
static int read_log(struct sova_json_doc *doc, struct sova_baseline *b, const struct results_span *spans,
		    size_t nspans)
{
	const cJSON *runs = cJSON_GetObjectItemCaseSensitive(doc->root, "runs");
	if (!cJSON_IsObject(doc->root) || !cJSON_IsArray(runs))
		return sova_json_error(doc, "a SARIF log needs a 'runs' array");
	sova_json_enter_key(doc, "runs");
	size_t i = 0;
	for (const cJSON *run = runs->child; run; run = run->next, i++) {
		sova_json_enter_index(doc, (int)i);
		if (!cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(run, "results")) || i >= nspans || !spans[i].close)
			return sova_json_error(doc, "a run needs a 'results' array");
		if (read_results(doc, b, &spans[i]) != 0)
			return -1;
		sova_json_leave(doc);
	}
	return 0;
}

int sova_baseline_load(struct sova_baseline *baseline, const char *path, char *err, size_t errlen)
{
	memset(baseline, 0, sizeof(*baseline));
	struct sova_json_doc doc;
	if (sova_json_doc_read(&doc, path, "baseline", err, errlen) != 0) {
		sova_json_doc_free(&doc);
		return -1;
	}
	/* The doc parses the skeleton; the baseline keeps the text. */
	baseline->text = doc.text;
	baseline->len = doc.len;
	doc.text = sova_xmalloc(doc.len + 1);
	memcpy(doc.text, baseline->text, doc.len + 1);
	struct results_span *spans;
	size_t nspans = find_results(baseline->text, baseline->len, doc.text, &spans);
	int rc = sova_json_doc_parse(&doc);
	if (rc == 0)
		rc = read_log(&doc, baseline, spans, nspans);
	free(spans);
	sova_json_doc_free(&doc);
	return rc;
}

cJSON *sova_baseline_result_json(const struct sova_baseline *baseline, const struct sova_baseline_result *result)
{
	return cJSON_ParseWithLength(baseline->text + result->offset, result->length);
}

void sova_baseline_free(struct sova_baseline *baseline)
{
	for (size_t i = 0; i < baseline->nresults; i++)
		result_free(&baseline->results[i]);
	free(baseline->results);
	free(baseline->text);
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
