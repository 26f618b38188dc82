/* report.h - stage 7: reporters write the result list; none of them decides anything.
 *
 * Text is the gcc/clang diagnostic format that editors and VS Code's $gcc
 * problem matcher read. SARIF 2.1.0 is for code scanning and SARIF viewers. */
#ifndef SOVA_REPORT_H
#define SOVA_REPORT_H

#include <stdio.h>

#include "baseline.h"
#include "facts.h"
#include "filters.h"
#include "link.h"
#include "results.h"
#include "sources.h"

/* Which TUs were not analysed completely (an error while parsing them):
 * the run is complete only when none is, but for those the user accepted. */
struct sova_completeness {
	size_t ntus;
	size_t *failed;   /* TU indexes, in the database's order */
	size_t nfailed;
	size_t *accepted; /* failed, but matched by --accept-failures */
	size_t naccepted;
	/* Headers named on the command line that no TU analysed includes: the
	 * run has not seen their code (absolute paths, not owned). */
	const char **unanalysed;
	size_t nunanalysed;
	const char **unanalysed_accepted; /* the same, matched by --accept-failures */
	size_t nunanalysed_accepted;
};

/* What the run read, named in --summary and in SARIF: where the
 * configuration and the compile database came from. */
struct sova_run_inputs {
	char *config;              /* the .sova.json read, or NULL */
	const char *config_origin; /* "--config", "found", "none found" or "--no-config" */
	char *compdb;              /* the compile database, or NULL: files and flags from the command line */
	const char *compdb_origin; /* "-p", ".sova.json", "found" or "\"--\"" */
};

struct sova_report {
	const struct sova_results *results;
	const struct sova_program *prog;
	const struct sova_tu_facts *tus;
	size_t ntus;
	char *const *notes; /* warnings about the inputs: dropped flags */
	size_t nnotes;
	const struct sova_notices *notices; /* remarks with a place: unused suppressions */
	const struct sova_baseline *baseline; /* or NULL */
	struct sova_sources *sources; /* the text of the program's files */
	const char *srcroot; /* absolute, without a trailing slash */
	const char *cwd;     /* text paths are shown relative to it */
	int execution_ok;    /* every TU was analysed completely, or its failure accepted */
	const struct sova_completeness *completeness;
	const struct sova_run_inputs *inputs; /* or NULL (sova link) */
};

/* "analysed 405 of 408 translation units; 3 failed: a.c, b.c, c.c", with
 * the accepted failures; nothing when every TU was analysed completely. */
void sova_report_completeness(FILE *out, const struct sova_report *report);

/* Writes results as "path:line:col: level: message [ID]" with note lines. */
void sova_report_text(FILE *out, const struct sova_report *report);

/* Writes the parse notifications (compile errors, dropped flags) in the same format. */
void sova_report_notifications_text(FILE *out, const struct sova_report *report);

/* Writes a SARIF 2.1.0 log. Returns 0, or -1 when writing failed. */
int sova_report_sarif(FILE *out, const struct sova_report *report);

/* Writes GitLab Code Quality JSON. Returns 0, or -1 when writing failed. */
int sova_report_codequality(FILE *out, const struct sova_report *report);

/* Writes "sova: 3 results: SOVA001 2, SOVA005 1 (1 suppressed)" to out. */
void sova_report_summary(FILE *out, const struct sova_report *report);

/* Whether a result is shown to a person: not suppressed, and new when there
 * is a baseline. SARIF writes every result, with its state. */
int sova_result_shown(const struct sova_result *result);

/* A SARIF message with its "[text](n)" links turned into plain text; new string. */
char *sova_message_plain(const char *msg);

#endif /* SOVA_REPORT_H */
