/* report_codequality.c - results as GitLab Code Quality JSON.
 *
 * GitLab shows these in merge requests. The format has no suppressions and
 * no baseline states, so only the results a person should see are written:
 * not suppressed, and new when a baseline is given. */
#include "report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "util.h"

static const char *severity(enum sova_level level)
{
	switch (level) {
	case SOVA_LEVEL_ERROR:
		return "critical";
	case SOVA_LEVEL_WARNING:
		return "major";
	default:
		return "info";
	}
}

static cJSON *issue(const struct sova_report *r, const struct sova_result *res)
{
	cJSON *o = cJSON_CreateObject();
	char *plain = sova_message_plain(res->message);
	char *description = sova_xasprintf("%s: %s", res->rule->id, plain);
	free(plain);
	cJSON_AddStringToObject(o, "description", description);
	free(description);
	cJSON_AddStringToObject(o, "check_name", res->rule->id);
	/* GitLab wants one fingerprint per issue: sova's own, tied to its rule. */
	char *fingerprint = sova_xasprintf("%s:%s", res->rule->id, res->fingerprint);
	cJSON_AddStringToObject(o, "fingerprint", fingerprint);
	free(fingerprint);
	cJSON_AddStringToObject(o, "severity", severity(res->level));
	cJSON *location = cJSON_CreateObject();
	cJSON_AddStringToObject(location, "path", sova_display_path(r->prog->files[res->loc.file], r->srcroot));
	cJSON *lines = cJSON_CreateObject();
	cJSON_AddNumberToObject(lines, "begin", res->loc.line);
	cJSON_AddItemToObject(location, "lines", lines);
	cJSON_AddItemToObject(o, "location", location);
	return o;
}

int sova_report_codequality(FILE *out, const struct sova_report *r)
{
	cJSON *issues = cJSON_CreateArray();
	for (size_t i = 0; i < r->results->count; i++)
		if (sova_result_shown(&r->results->items[i]))
			cJSON_AddItemToArray(issues, issue(r, &r->results->items[i]));
	char *text = cJSON_Print(issues);
	cJSON_Delete(issues);
	if (!text)
		return -1;
	int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}
