/* baseline.h - an earlier SARIF log whose results are known debt.
 *
 * Results are matched by sova's own fingerprint ("sova/v1"), which does not
 * change when unrelated lines move; a result whose fingerprint is gone but
 * whose line (primaryLocationLineHash) and rule are still there is updated. */
#ifndef SOVA_BASELINE_H
#define SOVA_BASELINE_H

#include <cjson/cJSON.h>
#include <stddef.h>

enum sova_baseline_state {
	SOVA_BASELINE_NONE = 0, /* no baseline given */
	SOVA_BASELINE_NEW,
	SOVA_BASELINE_UNCHANGED,
	SOVA_BASELINE_UPDATED,
};

struct sova_baseline_result {
	char *rule;
	char *fingerprint;
	char *line_hash;        /* or NULL */
	size_t offset, length; /* the result's text in the baseline's, for "absent" */
	int matched;
};

struct sova_baseline {
	char *text; /* the log as read */
	size_t len;
	struct sova_baseline_result *results;
	size_t nresults, capresults;
};

/* Reads a SARIF log written by sova. On error returns -1 with
 * "path:line:col: what is wrong" in err. */
int sova_baseline_load(struct sova_baseline *baseline, const char *path, char *err, size_t errlen);
void sova_baseline_free(struct sova_baseline *baseline);

/* The result as the baseline has it, parsed anew; the caller deletes it. */
cJSON *sova_baseline_result_json(const struct sova_baseline *baseline, const struct sova_baseline_result *result);

/* Matches one current result; marks the baseline result it matches. */
enum sova_baseline_state sova_baseline_match(struct sova_baseline *baseline, const char *rule,
					     const char *fingerprint, const char *line_hash);

#endif /* SOVA_BASELINE_H */
