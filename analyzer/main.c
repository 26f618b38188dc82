/* main.c - sova's command line driver: the pipeline, stage by stage.
 *
 *   compile database -> parse (libclang, -j threads) -> per-TU facts
 *   -> link by USR -> contexts and propagation -> rules -> reporters */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "compdb.h"
#include "contexts.h"
#include "facts_json.h"
#include "link.h"
#include "models.h"
#include "output.h"
#include "parse.h"
#include "report.h"
#include "results.h"
#include "util.h"

#ifndef SOVA_VERSION
#define SOVA_VERSION "0.0.0"
#endif

/* Everything one run owns, freed in one place. */
struct run {
	struct sova_cli cli;
	struct sova_models models;
	struct sova_compdb db;
	struct sova_tu_facts *facts;
	size_t nfacts;
	char **notes; /* warnings about the inputs, for every reporter */
	size_t nnotes, capnotes;
	char cwd[PATH_MAX];
	char srcroot[PATH_MAX];
};

static int fail(int code, const char *msg)
{
	fprintf(stderr, "sova: error: %s\n", msg);
	return code;
}

static int load_models(struct run *run, char *err, size_t errlen)
{
	sova_models_init(&run->models);
	if (run->cli.default_models) {
		char dir[PATH_MAX];
		if (sova_bundled_models_dir(dir, sizeof(dir)) != 0) {
			snprintf(err, errlen, "cannot find the bundled models (looked for share/sova/models)");
			return -1;
		}
		if (sova_models_load_dir(&run->models, dir, err, errlen) != 0)
			return -1;
	}
	for (size_t i = 0; i < run->cli.nmodels; i++)
		if (sova_models_load_file(&run->models, run->cli.models[i], 1, err, errlen) != 0)
			return -1;
	return 0;
}

static int load_inputs(struct run *run, char *err, size_t errlen)
{
	sova_compdb_init(&run->db);
	if (run->cli.compdb)
		return sova_compdb_load(&run->db, run->cli.compdb, err, errlen);
	return sova_compdb_add_files(&run->db, run->cli.files, run->cli.nfiles, run->cli.flags, run->cli.nflags, err,
				     errlen);
}

static int resolve_roots(struct run *run, char *err, size_t errlen)
{
	if (!getcwd(run->cwd, sizeof(run->cwd))) {
		snprintf(err, errlen, "cannot determine the working directory");
		return -1;
	}
	const char *root = run->cli.srcroot ? run->cli.srcroot : ".";
	if (!realpath(root, run->srcroot)) {
		snprintf(err, errlen, "--srcroot '%s': %s", root, strerror(errno));
		return -1;
	}
	return 0;
}

/* The compile database's notes, then one per flag clang did not know. */
static void collect_notes(struct run *run, char **dropped, size_t ndropped)
{
	for (size_t i = 0; i < run->db.nnotes; i++)
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes, sova_xstrdup(run->db.notes[i]));
	for (size_t i = 0; i < ndropped; i++) {
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes,
			  sova_xasprintf("clang does not know the flag '%s'; it was dropped from the compile "
					 "flags of the files that use it", dropped[i]));
		free(dropped[i]);
	}
	free(dropped);
}

static int dump_facts(const struct run *run, FILE *out)
{
	cJSON *all = cJSON_CreateArray();
	for (size_t i = 0; i < run->nfacts; i++)
		cJSON_AddItemToArray(all, sova_facts_to_json(&run->facts[i]));
	char *text = cJSON_Print(all);
	cJSON_Delete(all);
	if (!text)
		return -1;
	int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}

static int parse_failed(const struct run *run)
{
	for (size_t i = 0; i < run->nfacts; i++)
		if (run->facts[i].failed)
			return 1;
	return 0;
}

static int write_report(const struct run *run, const struct sova_report *report, FILE *out)
{
	if (run->cli.format == SOVA_FORMAT_SARIF)
		return sova_report_sarif(out, report);
	sova_report_text(out, report);
	return ferror(out) ? -1 : 0;
}

/* Link, analyse, apply rules, report. Returns the exit code. */
static int analyse_and_report(struct run *run)
{
	struct sova_program prog;
	struct sova_analysis analysis;
	struct sova_results results;
	sova_link(run->facts, run->nfacts, &prog);
	sova_analyze(&prog, &run->models, &analysis);
	sova_apply_rules(&analysis, &prog, &results);
	struct sova_report report = {
		.results = &results, .prog = &prog, .tus = run->facts, .ntus = run->nfacts,
		.notes = run->notes, .nnotes = run->nnotes,
		.srcroot = run->srcroot, .cwd = run->cwd, .execution_ok = !parse_failed(run),
	};
	sova_report_notifications_text(stderr, &report);
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0)
		rc = write_report(run, &report, out.file);
	rc = sova_output_close(&out, rc);
	int exit_code = rc != 0 ? fail(SOVA_EXIT_FAILED, "cannot write the output")
			: !report.execution_ok ? SOVA_EXIT_FAILED
			: results.count ? SOVA_EXIT_RESULTS : SOVA_EXIT_CLEAN;
	sova_results_free(&results);
	sova_analysis_free(&analysis);
	sova_program_free(&prog);
	return exit_code;
}

static int check(struct run *run)
{
	char err[4096];
	if (load_models(run, err, sizeof(err)) != 0 || resolve_roots(run, err, sizeof(err)) != 0 ||
	    load_inputs(run, err, sizeof(err)) != 0)
		return fail(SOVA_EXIT_USAGE, err);
	run->nfacts = run->db.ntus;
	run->facts = sova_xcalloc(run->nfacts + 1, sizeof(*run->facts));
	int jobs = run->cli.jobs ? run->cli.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
	char **dropped;
	size_t ndropped;
	sova_parse_all(&run->db, jobs, !run->cli.quiet && isatty(STDERR_FILENO), run->facts, &dropped, &ndropped);
	collect_notes(run, dropped, ndropped);
	if (!run->cli.dump_facts)
		return analyse_and_report(run);
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0)
		rc = dump_facts(run, out.file);
	return sova_output_close(&out, rc) ? fail(SOVA_EXIT_FAILED, "cannot write the output") : SOVA_EXIT_CLEAN;
}

static int compare_rule_ids(const void *a, const void *b)
{
	return strcmp((*(const struct sova_rule *const *)a)->id, (*(const struct sova_rule *const *)b)->id);
}

/* Lists the rules by id; the registry's order is precedence, not reading order. */
static void print_rules(void)
{
	size_t n = 0;
	while (sova_rules[n])
		n++;
	const struct sova_rule **sorted = sova_xcalloc(n + 1, sizeof(*sorted));
	memcpy(sorted, sova_rules, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), compare_rule_ids);
	for (size_t i = 0; i < n; i++)
		printf("%s  %-24s %-8s %s\n", sorted[i]->id, sorted[i]->name,
		       sorted[i]->level == SOVA_LEVEL_ERROR     ? "error"
		       : sorted[i]->level == SOVA_LEVEL_WARNING ? "warning"
								: "note",
		       sorted[i]->summary);
	free(sorted);
}

static void run_free(struct run *run)
{
	for (size_t i = 0; i < run->nfacts; i++)
		sova_tu_facts_free(&run->facts[i]);
	free(run->facts);
	for (size_t i = 0; i < run->nnotes; i++)
		free(run->notes[i]);
	free(run->notes);
	sova_compdb_free(&run->db);
	sova_models_free(&run->models);
	sova_cli_free(&run->cli);
}

int main(int argc, char **argv)
{
	static struct run run;
	char err[1024];
	sova_parse_setup();
	if (sova_cli_parse(argc, argv, &run.cli, err, sizeof(err)) != 0) {
		fprintf(stderr, "sova: error: %s\nTry 'sova --help'.\n", err);
		sova_cli_free(&run.cli);
		return SOVA_EXIT_USAGE;
	}
	int rc = SOVA_EXIT_CLEAN;
	switch (run.cli.command) {
	case SOVA_CMD_HELP:
		sova_cli_usage();
		break;
	case SOVA_CMD_VERSION:
		printf("sova %s\n", SOVA_VERSION);
		break;
	case SOVA_CMD_RULES:
		print_rules();
		break;
	case SOVA_CMD_CHECK:
		rc = check(&run);
		break;
	}
	run_free(&run);
	return rc;
}
