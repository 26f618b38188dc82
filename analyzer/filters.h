/* filters.h - stage 6b: which results the user sees, and how they count.
 *
 * Gives each result its fingerprints, then drops the results in excluded
 * files or (pre-commit mode) outside the files asked about, marks the ones
 * an inline comment suppresses, and compares with a baseline. Nothing here
 * changes what the analysis found. */
#ifndef SOVA_FILTERS_H
#define SOVA_FILTERS_H

#include "baseline.h"
#include "config.h"
#include "link.h"
#include "results.h"
#include "sources.h"

struct sova_filter_options {
	const struct sova_config *config; /* exclude patterns */
	char *const *only_files;          /* absolute paths: pre-commit mode; NULL for all */
	size_t nonly_files;
	struct sova_baseline *baseline;   /* or NULL */
	int report_unused;                /* notice suppressions that suppress nothing */
	const char *srcroot;
};

/* A remark about the inputs, with a place: an unused or malformed suppression. */
struct sova_notice {
	struct sova_loc loc;
	char *message;
};

struct sova_notices {
	struct sova_notice *items;
	size_t count, cap;
};

void sova_filter_results(struct sova_results *results, const struct sova_program *prog, struct sova_sources *sources,
			 const struct sova_filter_options *options, struct sova_notices *notices);
void sova_notices_free(struct sova_notices *notices);

/* Whether a result counts toward the exit code at fail_on (an enum
 * sova_level, or SOVA_FAIL_ON_NONE). */
int sova_result_counts(const struct sova_result *result, int fail_on);

#endif /* SOVA_FILTERS_H */
