/* main.c - sova's command line driver: the pipeline, stage by stage.
 *
 *   configuration -> compile database -> parse (libclang, -j threads)
 *   -> per-TU facts -> link by USR -> contexts and propagation -> rules
 *   -> filters (exclusions, suppressions, baseline) -> reporters */
#include <errno.h>
#include <fnmatch.h>
#include <time.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "baseline.h"
#include "buildinfo.h"
#include "cli.h"
#include "compdb.h"
#include "config.h"
#include "contexts.h"
#include "dump_program.h"
#include "facts_json.h"
#include "jsonpos.h"
#include "filters.h"
#include "link.h"
#include "models.h"
#include "output.h"
#include "parse.h"
#include "report.h"
#include "results.h"
#include "sources.h"
#include "summaries.h"
#include "util.h"

#ifndef SOVA_VERSION
#define SOVA_VERSION "0.0.0"
#endif

/* Everything one run owns, freed in one place. */
struct run {
	int argc;
	char **argv;
	struct sova_cli cli;
	struct sova_cache cache;
	struct sova_config config;
	struct sova_models models;
	struct sova_compdb db;
	struct sova_build_info build; /* the build system's targets beside the compile database, if any */
	struct sova_baseline baseline;
	int has_baseline;
	size_t *positions; /* of the TUs analysed, in the compile database */
	struct sova_summaries_origin origin; /* the database and shard they are, for extract */
	size_t parse_abandoned; /* TUs given up at their time budget, their threads still in libclang */
	char **only_files; /* pre-commit mode: the files reported on */
	size_t nonly_files, caponly_files;
	const char **named_headers; /* of those, the headers no TU is of: a TU analysed must include each */
	size_t nnamed_headers, capnamed_headers;
	struct sova_run_inputs inputs; /* the configuration and compile database used, and why */
	struct sova_tu_facts *facts;
	size_t nfacts;
	char **notes; /* warnings about the inputs, for every reporter */
	size_t nnotes, capnotes;
	int fail_on;
	char cwd[PATH_MAX];
	char srcroot[PATH_MAX];
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --timings: how long the stage that just ended took. */
static void stage_done(const struct run *run, const char *stage, double *since)
{
	double t = now_seconds();
	if (run->cli.timings)
		fprintf(stderr, "sova: %-8s %8.3f s\n", stage, t - *since);
	*since = t;
}

static int fail(int code, const char *msg)
{
	fprintf(stderr, "sova: error: %s\n", msg);
	return code;
}

/* ---- set-up ---- */

static int load_config(struct run *run, char *err, size_t errlen)
{
	sova_config_init(&run->config);
	if (run->cli.no_config) {
		run->inputs.config_origin = "--no-config";
		return 0;
	}
	char *note = NULL;
	char *path = run->cli.config ? sova_xstrdup(run->cli.config) : sova_config_find(".", &note);
	if (note)
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes, note);
	run->inputs.config_origin = run->cli.config ? "--config" : path ? "found" : "none found";
	int rc = path ? sova_config_load(&run->config, path, err, errlen) : 0;
	run->inputs.config = path;
	return rc;
}

static void add_config_annotations(struct run *run)
{
	const struct sova_config *c = &run->config;
	for (size_t i = 0; i < c->nworker; i++)
		sova_models_add_annotation(&run->models, "config", c->worker_annotations[i], SOVA_ANN_MEANS_CONTEXT,
					   SOVA_CTX_POOL);
	for (size_t i = 0; i < c->nblocking; i++)
		sova_models_add_annotation(&run->models, "config", c->blocking_annotations[i], SOVA_ANN_MEANS_WAIT,
					   SOVA_CTX_NONE);
	for (size_t i = 0; i < c->nnonblocking; i++)
		sova_models_add_annotation(&run->models, "config", c->nonblocking_annotations[i],
					   SOVA_ANN_MEANS_NONBLOCKING, SOVA_CTX_NONE);
}

static int load_models(struct run *run, char *err, size_t errlen)
{
	sova_models_init(&run->models);
	if (run->cli.default_models) {
		char dir[PATH_MAX];
		if (sova_data_dir("models", "rules/models", dir, sizeof(dir)) != 0) {
			snprintf(err, errlen, "cannot find the bundled models (looked for share/sova/models)");
			return -1;
		}
		if (sova_models_load_dir(&run->models, dir, err, errlen) != 0)
			return -1;
	}
	for (size_t i = 0; i < run->config.nmodels; i++)
		if (sova_models_load_file(&run->models, run->config.models[i], 1, err, errlen) != 0)
			return -1;
	for (size_t i = 0; i < run->cli.nmodels; i++)
		if (sova_models_load_file(&run->models, run->cli.models[i], 1, err, errlen) != 0)
			return -1;
	add_config_annotations(run);
	return 0;
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

static int resolve_fail_on(struct run *run, char *err, size_t errlen)
{
	run->fail_on = SOVA_LEVEL_NOTE;
	if (run->config.fail_on != SOVA_FAIL_ON_UNSET)
		run->fail_on = run->config.fail_on;
	if (run->cli.fail_on && (run->fail_on = sova_config_parse_fail_on(run->cli.fail_on)) < 0) {
		snprintf(err, errlen, "--fail-on takes note, warning, error or none, not '%s'", run->cli.fail_on);
		return -1;
	}
	return 0;
}

/* The files pre-commit mode reports on, made absolute like the program's file table. */
static int take_only_files(struct run *run, char *err, size_t errlen)
{
	for (size_t i = 0; i < run->cli.nfiles; i++) {
		char resolved[PATH_MAX];
		if (!realpath(run->cli.files[i], resolved)) {
			snprintf(err, errlen, "%s: no such file", run->cli.files[i]);
			return -1;
		}
		SOVA_PUSH(run->only_files, run->nonly_files, run->caponly_files, sova_xstrdup(resolved));
	}
	return 0;
}

static int header_file(const char *file)
{
	static const char *const endings[] = { ".h", ".hh", ".hpp", ".hxx", ".inc", ".def" };
	return sova_file_ends_in(file, endings, sizeof(endings) / sizeof(endings[0]));
}

/* A named source the database does not list is analysed with the flags of
 * its nearest entry, and the run says so; a named header must be included
 * by a TU analysed (checked after the parse). Never a silent pass. */
static void cover_named_files(struct run *run)
{
	struct sova_strmap tus;
	sova_strmap_init(&tus);
	for (size_t t = 0; t < run->db.ntus; t++)
		sova_strmap_put(&tus, run->db.tus[t].file, 1);
	for (size_t i = 0; i < run->nonly_files; i++) {
		const char *file = run->only_files[i];
		if (sova_strmap_get(&tus, file) >= 0)
			continue;
		if (header_file(file)) {
			SOVA_PUSH(run->named_headers, run->nnamed_headers, run->capnamed_headers, file);
			continue;
		}
		long from = sova_compdb_interpolate(&run->db, file);
		if (from >= 0)
			SOVA_PUSH(run->notes, run->nnotes, run->capnotes,
				  sova_xasprintf("%s is not in the compile database; it was analysed with the flags of "
						 "%s, the nearest entry",
						 sova_display_path(file, run->cwd),
						 sova_display_path(run->db.tus[from].file, run->cwd)));
		sova_strmap_put(&tus, file, 1);
	}
	sova_strmap_free(&tus);
}

/* Excluded TUs are not parsed at all. */
static void drop_excluded_tus(struct run *run)
{
	size_t kept = 0;
	for (size_t i = 0; i < run->db.ntus; i++) {
		struct sova_tu_cmd *tu = &run->db.tus[i];
		if (!sova_config_excluded(&run->config, tu->file)) {
			run->db.tus[kept++] = *tu;
			continue;
		}
		sova_tu_cmd_free(tu);
	}
	run->db.ntus = kept;
}

/* --shard K/N: the TUs at positions K-1, K-1+N, ...; every run records positions. */
static void select_shard(struct run *run)
{
	run->origin = (struct sova_summaries_origin){ .database = sova_compdb_id(&run->db),
						      .database_tus = run->db.ntus,
						      .shard = run->cli.nshards ? (size_t)run->cli.shard : 1,
						      .nshards = run->cli.nshards ? (size_t)run->cli.nshards : 1 };
	run->positions = sova_xcalloc(run->db.ntus + 1, sizeof(*run->positions));
	size_t kept = 0;
	for (size_t i = 0; i < run->db.ntus; i++) {
		struct sova_tu_cmd *tu = &run->db.tus[i];
		if (!run->cli.nshards || i % (size_t)run->cli.nshards == (size_t)run->cli.shard - 1) {
			run->positions[kept] = i;
			run->db.tus[kept++] = *tu;
			continue;
		}
		sova_tu_cmd_free(tu);
	}
	run->db.ntus = kept;
}

/* What the build system says of its targets, beside the compile database
 * (a folder, or the file itself); a description that cannot be used is a
 * note, and the link units are inferred. */
static void load_build_info(struct run *run, const char *compdb)
{
	struct stat st;
	char *dir = stat(compdb, &st) == 0 && S_ISDIR(st.st_mode) ? sova_xstrdup(compdb) : NULL;
	if (!dir) {
		const char *slash = strrchr(compdb, '/');
		dir = slash ? sova_xstrndup(compdb, (size_t)(slash - compdb)) : sova_xstrdup(".");
		if (!dir[0]) {
			free(dir);
			dir = sova_xstrdup("/");
		}
	}
	char note[4096];
	if (sova_build_info_load(&run->build, dir, note, sizeof(note)) != 0)
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes, sova_xstrdup(note));
	free(dir);
}

/* Which compile database: -p, then .sova.json's, then none when the flags
 * come after "--", else the one found here or above (compdb.h). */
static int choose_compdb(struct run *run, char *err, size_t errlen)
{
	const char *named = run->cli.compdb ? run->cli.compdb : run->config.compile_commands;
	if (named || run->cli.flags) {
		run->inputs.compdb = named ? sova_xstrdup(named) : NULL;
		run->inputs.compdb_origin = run->cli.compdb ? "-p" : named ? ".sova.json" : "\"--\"";
		return 0;
	}
	char *looked, *note;
	run->inputs.compdb = sova_compdb_find(".", &looked, &note);
	run->inputs.compdb_origin = "found";
	int rc = 0;
	if (note) {
		snprintf(err, errlen, "no compile database: %s; or give the source files with their compiler flags "
				      "after \"--\"",
			 note);
		rc = -1;
	} else if (!run->inputs.compdb) {
		snprintf(err, errlen, "no compile database: none in %s; give -p DIR, or the source files with their "
				      "compiler flags after \"--\"",
			 looked ? looked : ".");
		rc = -1;
	} else if (!run->cli.quiet) {
		fprintf(stderr, "sova: using %s\n", sova_display_path(run->inputs.compdb, run->cwd));
	}
	free(looked);
	free(note);
	return rc;
}

static int load_inputs(struct run *run, char *err, size_t errlen)
{
	sova_compdb_init(&run->db);
	for (size_t i = 0; i < run->cli.nfiles; i++) {
		struct stat st;
		if (stat(run->cli.files[i], &st) != 0) { /* before any search for a database */
			snprintf(err, errlen, "%s: no such file", run->cli.files[i]);
			return -1;
		}
	}
	if (choose_compdb(run, err, errlen) != 0)
		return -1;
	const char *compdb = run->inputs.compdb;
	int rc;
	if (compdb) {
		rc = sova_compdb_load(&run->db, compdb, err, errlen);
		if (rc == 0)
			load_build_info(run, compdb);
		if (rc == 0 && run->cli.nfiles && (rc = take_only_files(run, err, errlen)) == 0)
			cover_named_files(run);
	} else if (run->cli.nfiles) {
		rc = sova_compdb_add_files(&run->db, run->cli.files, run->cli.nfiles, err, errlen);
	} else {
		snprintf(err, errlen, "nothing to analyse: give source files with their compiler flags after \"--\", "
				      "or -p with a compile database (or \"compile_commands\" in .sova.json)");
		rc = -1;
	}
	if (rc == 0) {
		sova_compdb_add_flags(&run->db, run->cli.extra_before, run->cli.nextra_before, run->cli.extra_after,
				      run->cli.nextra_after);
		drop_excluded_tus(run);
		select_shard(run);
	}
	/* A shard that gets no TU of a database that has some (a fixed CI
	 * matrix of 8 on a project of 5) is extracted empty: sova link still
	 * checks that all shards together cover the database. */
	int empty_shard = run->cli.command == SOVA_CMD_EXTRACT && run->cli.nshards && run->origin.database_tus > 0;
	if (rc == 0 && run->db.ntus == 0 && !empty_shard) {
		/* An empty selection analyses nothing: passing would be a false green. */
		snprintf(err, errlen, "no translation unit to analyse: %s",
			 compdb ? "the compile database lists none, or .sova.json's exclude, --shard or the files "
				  "named left none"
				: "no source file was given");
		rc = -1;
	}
	return rc;
}

static int load_baseline(struct run *run, char *err, size_t errlen)
{
	if (!run->cli.baseline)
		return 0;
	run->has_baseline = 1;
	return sova_baseline_load(&run->baseline, run->cli.baseline, err, errlen);
}

/* The compile database's notes, then one per flag clang did not know; takes the flags. */
static void collect_notes(struct run *run, char *const *notes, size_t nnotes, char **dropped, size_t ndropped)
{
	for (size_t i = 0; i < nnotes; i++)
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes, sova_xstrdup(notes[i]));
	for (size_t i = 0; i < ndropped; i++) {
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes,
			  sova_xasprintf("clang does not know the flag '%s'; it was dropped from the compile "
					 "flags of the files that use it",
					 dropped[i]));
		free(dropped[i]);
	}
	free(dropped);
}

/* The output must not be one of the run's inputs: `-o handlers.c` or `-o
 * .sova.json` would replace what the user asked sova to read. Files are
 * compared as the file system knows them, so a symlink or another name
 * of an input is refused too. */
struct input_file {
	const char *path;
	const char *what;
};

static int output_over_input(const struct run *run, const struct input_file *inputs, size_t n, char *err,
			     size_t errlen)
{
	struct stat out;
	if (!run->cli.output || strcmp(run->cli.output, "-") == 0 || stat(run->cli.output, &out) != 0 ||
	    !S_ISREG(out.st_mode))
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct stat in;
		if (inputs[i].path && stat(inputs[i].path, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			snprintf(err, errlen, "-o '%s' is %s of this run (%s); sova never writes over what it reads",
				 run->cli.output, inputs[i].what, inputs[i].path);
			return -1;
		}
	}
	return 0;
}

/* Refuses an -o that names the configuration, a model, the baseline, the
 * compile database, a source or a summaries file read. */
static int refuse_output_over_inputs(const struct run *run, char *err, size_t errlen)
{
	struct input_file *inputs = NULL;
	size_t n = 0, cap = 0;
	struct input_file config = { run->config.path, "the configuration" };
	struct input_file baseline = { run->cli.baseline, "the baseline" };
	SOVA_PUSH(inputs, n, cap, config);
	SOVA_PUSH(inputs, n, cap, baseline);
	struct input_file db = { run->db.path, "the compile database" };
	SOVA_PUSH(inputs, n, cap, db);
	for (size_t i = 0; i < run->models.npaths; i++) {
		struct input_file model = { run->models.paths[i], "a model" };
		SOVA_PUSH(inputs, n, cap, model);
	}
	for (size_t i = 0; i < run->cli.nfiles; i++) {
		struct input_file named = { run->cli.files[i], run->cli.command == SOVA_CMD_LINK ? "a summaries file"
												 : "a source file" };
		SOVA_PUSH(inputs, n, cap, named);
	}
	for (size_t i = 0; i < run->db.ntus; i++) {
		struct input_file tu = { run->db.tus[i].file, "a source file" };
		SOVA_PUSH(inputs, n, cap, tu);
	}
	int rc = output_over_input(run, inputs, n, err, errlen);
	free(inputs);
	return rc;
}

/* ---- analysis and output ---- */

static int dump_facts(const struct run *run, FILE *out)
{
	cJSON *all = cJSON_CreateArray();
	for (size_t i = 0; i < run->nfacts; i++)
		cJSON_AddItemToArray(all, sova_facts_to_json(&run->facts[i]));
	return sova_json_print(out, all);
}

static int dump_program(const struct run *run, FILE *out)
{
	struct sova_program prog;
	sova_link(run->facts, run->nfacts, &run->build, &prog);
	int rc = sova_dump_program(&prog, run->cwd, out);
	sova_program_free(&prog);
	return rc;
}

static int accepted_failure(const struct run *run, const char *file)
{
	const char *tail = strrchr(file, '/');
	const char *below_cwd = sova_display_path(file, run->cwd);
	for (size_t i = 0; i < run->cli.naccept_failures; i++) {
		const char *glob = run->cli.accept_failures[i];
		if (fnmatch(glob, file, 0) == 0 || (tail && fnmatch(glob, tail + 1, 0) == 0) ||
		    fnmatch(glob, below_cwd, 0) == 0)
			return 1;
	}
	return 0;
}

/* Whether some TU analysed includes each header named on the command line. */
static void find_unanalysed_headers(const struct run *run, struct sova_completeness *c)
{
	c->unanalysed = sova_xcalloc(run->nnamed_headers + 1, sizeof(*c->unanalysed));
	c->unanalysed_accepted = sova_xcalloc(run->nnamed_headers + 1, sizeof(*c->unanalysed_accepted));
	if (!run->nnamed_headers)
		return;
	struct sova_strmap included;
	sova_strmap_init(&included);
	for (size_t i = 0; i < run->nfacts; i++)
		for (size_t k = 0; k < run->facts[i].nincludes; k++)
			sova_strmap_put(&included, run->facts[i].includes[k], 1);
	for (size_t i = 0; i < run->nnamed_headers; i++) {
		const char *header = run->named_headers[i];
		if (sova_strmap_get(&included, header) >= 0)
			continue;
		if (accepted_failure(run, header))
			c->unanalysed_accepted[c->nunanalysed_accepted++] = header;
		else
			c->unanalysed[c->nunanalysed++] = header;
	}
	sova_strmap_free(&included);
}

/* Which TUs did not parse cleanly: any error makes the run incomplete,
 * unless --accept-failures names the TU; so does a named header that no TU
 * includes. */
static void find_incomplete(const struct run *run, struct sova_completeness *c)
{
	memset(c, 0, sizeof(*c));
	c->ntus = run->nfacts;
	c->failed = sova_xcalloc(run->nfacts + 1, sizeof(size_t));
	c->accepted = sova_xcalloc(run->nfacts + 1, sizeof(size_t));
	for (size_t i = 0; i < run->nfacts; i++) {
		if (!run->facts[i].failed && !sova_tu_first_error(&run->facts[i]))
			continue;
		if (accepted_failure(run, run->facts[i].main_file))
			c->accepted[c->naccepted++] = i;
		else
			c->failed[c->nfailed++] = i;
	}
	find_unanalysed_headers(run, c);
}

static void completeness_free(struct sova_completeness *c)
{
	free(c->failed);
	free(c->accepted);
	free(c->unanalysed);
	free(c->unanalysed_accepted);
}

static int write_report(const struct run *run, const struct sova_report *report, FILE *out)
{
	switch (run->cli.format) {
	case SOVA_FORMAT_SARIF:
		return sova_report_sarif(out, report);
	case SOVA_FORMAT_CODEQUALITY:
		return sova_report_codequality(out, report);
	default:
		sova_report_text(out, report);
		return ferror(out) ? -1 : 0;
	}
}

/* A rule that is off stays off; else a level set for the kind of blocking
 * wins over the rule's. */
static int configured_level(const struct sova_rule *rule, enum sova_block_kind kind, const void *data)
{
	const struct sova_config *config = data;
	int level = SOVA_CONFIG_LEVEL_UNSET;
	for (size_t i = 0; i < config->nlevels; i++)
		if (strcmp(config->levels[i].rule_id, rule->id) == 0)
			level = config->levels[i].level;
	if (level != SOVA_CONFIG_LEVEL_OFF && config->kind_levels[kind] != SOVA_CONFIG_LEVEL_UNSET)
		level = config->kind_levels[kind];
	return level;
}

static int exit_code(const struct run *run, const struct sova_results *results, int execution_ok)
{
	if (!execution_ok)
		return SOVA_EXIT_FAILED;
	if (run->cli.command == SOVA_CMD_BASELINE)
		return SOVA_EXIT_CLEAN;
	for (size_t i = 0; i < results->count; i++)
		if (sova_result_counts(&results->items[i], run->fail_on))
			return SOVA_EXIT_RESULTS;
	return SOVA_EXIT_CLEAN;
}

/* Renders what goes to the output and to standard error into record. */
static int render(const struct run *run, const struct sova_report *report, struct sova_run_record *record)
{
	FILE *out = open_memstream(&record->output, &record->output_len);
	FILE *messages = open_memstream(&record->messages, &record->messages_len);
	if (!out || !messages) {
		if (out)
			fclose(out);
		if (messages)
			fclose(messages);
		return -1;
	}
	sova_report_notifications_text(messages, report);
	errno = 0;
	int rc = write_report(run, report, out);
	if (run->cli.summary)
		sova_report_summary(messages, report);
	rc = fclose(out) != 0 ? -1 : rc;
	rc = fclose(messages) != 0 ? -1 : rc;
	/* The report is written into memory: a write fails only when it runs out. */
	if (rc != 0 && errno == ENOMEM)
		sova_oom();
	return rc;
}

/* Messages to standard error, the report to -o (whole, or not at all). */
static int deliver(const struct run *run, const struct sova_run_record *record)
{
	fwrite(record->messages, 1, record->messages_len, stderr);
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0 && fwrite(record->output, 1, record->output_len, out.file) != record->output_len)
		rc = -1;
	return sova_output_close(&out, rc);
}

/* --explain: the engine's explanation, then what the rules and filters made
 * of the calls on the line (a suppressed or baselined result says so). */
static int write_explanation(const struct run *run, const struct sova_analysis *analysis,
			     const struct sova_results *results, const struct sova_program *prog)
{
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0)
		rc = fputs(analysis->explanation, out.file) < 0;
	size_t shown = 0;
	for (size_t i = 0; rc == 0 && i < results->count; i++) {
		const struct sova_result *r = &results->items[i];
		if (r->loc.line != run->cli.explain_line || !sova_explain_file_matches(prog->files[r->loc.file],
											 run->cli.explain_file))
			continue;
		if (shown++ == 0)
			fprintf(out.file, "\nresults on this line:\n");
		char *message = sova_message_plain(r->message);
		fprintf(out.file, "  %s:%u:%u: %s [%s]%s%s: %s\n", sova_display_path(prog->files[r->loc.file], run->cwd),
			r->loc.line, r->loc.col,
			sova_level_name(r->level), r->rule->id, r->suppressed ? " (suppressed)" : "",
			r->baseline == SOVA_BASELINE_UNCHANGED ? " (in the baseline)" : "", message);
		free(message);
	}
	if (rc == 0 && shown == 0)
		fprintf(out.file, "\nresults on this line: none\n");
	return sova_output_close(&out, rc) ? fail(SOVA_EXIT_FAILED, "cannot write the output") : SOVA_EXIT_CLEAN;
}

static int run_jobs(const struct run *run)
{
	return run->cli.jobs ? run->cli.jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
}

/* Link, analyse, apply rules, filter, report. Returns the exit code. */
static int analyse_and_report(struct run *run, uint64_t run_key)
{
	struct sova_program prog;
	struct sova_analysis analysis;
	struct sova_results results;
	struct sova_notices notices;
	struct sova_sources sources;
	double t = now_seconds();
	sova_link(run->facts, run->nfacts, &run->build, &prog);
	stage_done(run, "link", &t);
	struct sova_analyze_options analyze = { .show_unresolved = run->cli.show_unresolved,
						.entry_flows = run->cli.entry_flows,
						.explain_file = run->cli.explain_file,
						.explain_line = run->cli.explain_line,
						.explain_base = run->cwd,
						.jobs = run_jobs(run) };
	sova_analyze(&prog, &run->models, &analyze, &analysis);
	stage_done(run, "analyze", &t);
	sova_apply_rules(&analysis, &prog, configured_level, &run->config, &results);
	sova_sources_init(&sources, prog.files, prog.nfiles);
	struct sova_filter_options filter = {
		.config = &run->config, .only_files = run->nonly_files ? run->only_files : NULL,
		.nonly_files = run->nonly_files, .baseline = run->has_baseline ? &run->baseline : NULL,
		.report_unused = run->cli.report_unused, .srcroot = run->srcroot,
	};
	sova_filter_results(&results, &prog, &sources, &filter, &notices);
	struct sova_completeness completeness;
	find_incomplete(run, &completeness);
	struct sova_report report = {
		.results = &results, .prog = &prog, .tus = run->facts, .ntus = run->nfacts, .notes = run->notes,
		.nnotes = run->nnotes, .notices = &notices, .baseline = filter.baseline, .sources = &sources,
		.srcroot = run->srcroot, .cwd = run->cwd,
		.execution_ok = completeness.nfailed == 0 && completeness.nunanalysed == 0,
		.completeness = &completeness, .inputs = &run->inputs,
	};
	stage_done(run, "rules", &t);
	int code;
	if (analysis.explanation) {
		code = write_explanation(run, &analysis, &results, &prog);
	} else {
		struct sova_run_record record = { 0 };
		code = exit_code(run, &results, report.execution_ok);
		if (render(run, &report, &record) != 0) {
			code = fail(SOVA_EXIT_FAILED, "cannot write the output");
		} else {
			/* Recorded first: the report is the run's last act, so a run
			 * that fails (out of memory while recording) leaves no report
			 * that contradicts its exit code. */
			record.exit_code = code;
			if (code != SOVA_EXIT_FAILED)
				sova_cache_record(&run->cache, run_key, &run->db, run->facts, &record);
			sova_cache_finish(&run->cache);
			if (deliver(run, &record) != 0)
				code = fail(SOVA_EXIT_FAILED, "cannot write the output");
		}
		sova_run_record_free(&record);
		stage_done(run, "report", &t);
	}
	completeness_free(&completeness);
	sova_notices_free(&notices);
	sova_sources_free(&sources);
	sova_results_free(&results);
	sova_analysis_free(&analysis);
	sova_program_free(&prog);
	return code;
}

/* Where summaries are kept: --cache, else .sova-cache here; none with --no-cache. */
static const char *cache_dir(const struct run *run)
{
	if (run->cli.no_cache || run->cli.dump_facts || run->cli.dump_program)
		return NULL;
	return run->cli.cache ? run->cli.cache : ".sova-cache";
}

/* Replays an unchanged run from the cache; returns its exit code, or -1. */
static int replay(struct run *run, uint64_t key)
{
	struct sova_run_record record;
	if (!sova_cache_replay(&run->cache, key, &run->db, run_jobs(run), &record))
		return -1;
	if (!run->cli.quiet)
		fprintf(stderr, "sova: %zu translation unit%s, none changed: the last run's report\n", run->db.ntus,
			run->db.ntus == 1 ? "" : "s");
	int code = deliver(run, &record) != 0 ? fail(SOVA_EXIT_FAILED, "cannot write the output") : record.exit_code;
	sova_run_record_free(&record);
	return code;
}

/* Everything else the run reads, for the whole-run cache key. */
static uint64_t run_key(struct run *run)
{
	char **files = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < run->models.npaths; i++)
		SOVA_PUSH(files, n, cap, run->models.paths[i]);
	if (run->config.path)
		SOVA_PUSH(files, n, cap, run->config.path);
	if (run->cli.baseline)
		SOVA_PUSH(files, n, cap, (char *)run->cli.baseline);
	uint64_t key = sova_cache_run_key(&run->cache, run->argc, run->argv, files, n);
	free(files);
	uint64_t build = sova_build_info_hash(&run->build); /* what the units follow */
	key = sova_hash(&build, sizeof(build), key);
	/* What the inputs' notes say is in the report too: a .sova.json that
	 * came to belong to another user, a file interpolated from another
	 * entry. And where the inputs came from. */
	for (size_t i = 0; i < run->nnotes; i++)
		key = sova_hash(run->notes[i], strlen(run->notes[i]) + 1, key);
	const char *origins[] = { run->inputs.config_origin, run->inputs.compdb, run->inputs.compdb_origin };
	for (size_t i = 0; i < sizeof(origins) / sizeof(origins[0]); i++)
		key = origins[i] ? sova_hash(origins[i], strlen(origins[i]) + 1, key) : sova_hash("", 1, key);
	return key;
}

/* 'sova extract': the facts of the TUs parsed, for 'sova link'. */
static int write_summaries(struct run *run, char **dropped, size_t ndropped)
{
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0)
		rc = sova_summaries_write(out.file, &run->origin, run->facts, run->positions, run->nfacts, run->db.notes, run->db.nnotes,
					  dropped, ndropped);
	rc = sova_output_close(&out, rc);
	for (size_t i = 0; i < ndropped; i++)
		free(dropped[i]);
	free(dropped);
	return rc ? fail(SOVA_EXIT_FAILED, "cannot write the summaries") : SOVA_EXIT_CLEAN;
}

/* --dump-facts, --dump-program. A dump has no notifications of its own:
 * the warnings, clang's errors and the TUs not parsed cleanly go to
 * stderr, and a dump of an incomplete run exits 3 as a report of one does. */
static int dump(struct run *run)
{
	struct sova_completeness completeness;
	find_incomplete(run, &completeness);
	struct sova_report messages = { .tus = run->facts, .ntus = run->nfacts, .notes = run->notes,
					.nnotes = run->nnotes, .cwd = run->cwd, .srcroot = run->srcroot,
					.completeness = &completeness };
	sova_report_notifications_text(stderr, &messages);
	int complete = completeness.nfailed == 0 && completeness.nunanalysed == 0;
	completeness_free(&completeness);
	struct sova_output out;
	int rc = sova_output_open(&out, run->cli.output);
	if (rc == 0)
		rc = run->cli.dump_facts ? dump_facts(run, out.file) : dump_program(run, out.file);
	if (sova_output_close(&out, rc))
		return fail(SOVA_EXIT_FAILED, "cannot write the output");
	return complete ? SOVA_EXIT_CLEAN : SOVA_EXIT_FAILED;
}

static int parse_and_analyse(struct run *run, uint64_t key)
{
	run->nfacts = run->db.ntus;
	run->facts = sova_xcalloc(run->nfacts + 1, sizeof(*run->facts));
	struct sova_parse_options options = { .jobs = run_jobs(run),
					      .progress = !run->cli.quiet && isatty(STDERR_FILENO),
					      .tu_timeout = run->cli.tu_timeout };
	struct sova_parse_outcome parsed;
	double t = now_seconds();
	sova_parse_all(&run->db, &run->cache, &options, run->facts, &parsed);
	run->parse_abandoned = parsed.abandoned;
	char **dropped = parsed.dropped_flags;
	size_t ndropped = parsed.ndropped;
	int from_cache = (int)parsed.from_cache;
	if (run->cli.timings)
		fprintf(stderr, "sova: %zu TUs, %d from the cache\n", run->db.ntus, from_cache);
	/* Live, never in the report or the run record: the report must not
	 * depend on the cache. */
	if (!run->cli.quiet && !run->cli.dump_facts && !run->cli.dump_program)
		fprintf(stderr, "sova: %zu translation unit%s: %d from the cache, %zu parsed\n", run->db.ntus,
			run->db.ntus == 1 ? "" : "s", from_cache, run->db.ntus - (size_t)from_cache);
	stage_done(run, "parse", &t);
	if (run->cli.command == SOVA_CMD_EXTRACT)
		return write_summaries(run, dropped, ndropped);
	collect_notes(run, run->db.notes, run->db.nnotes, dropped, ndropped);
	if (!run->cli.dump_facts && !run->cli.dump_program)
		return analyse_and_report(run, key);
	return dump(run);
}

static int check(struct run *run)
{
	char err[4096];
	if (load_config(run, err, sizeof(err)) != 0 || resolve_fail_on(run, err, sizeof(err)) != 0 ||
	    load_models(run, err, sizeof(err)) != 0 || resolve_roots(run, err, sizeof(err)) != 0 ||
	    load_baseline(run, err, sizeof(err)) != 0 || load_inputs(run, err, sizeof(err)) != 0 ||
	    refuse_output_over_inputs(run, err, sizeof(err)) != 0)
		return fail(SOVA_EXIT_USAGE, err);
	char *cache_note;
	sova_cache_open(&run->cache, cache_dir(run), run->cli.cache_max_size, &cache_note);
	struct sova_parser_identity parser;
	sova_parser_identity(&parser);
	sova_cache_key_parser(&run->cache, parser.text, parser.library);
	sova_parser_identity_free(&parser);
	if (cache_note)
		SOVA_PUSH(run->notes, run->nnotes, run->capnotes, cache_note);
	uint64_t key = run_key(run);
	int code = cache_note || run->cli.command == SOVA_CMD_EXTRACT || run->cli.explain_file ? -1 : replay(run, key);
	return code >= 0 ? code : parse_and_analyse(run, key);
}

/* 'sova link': what extract wrote, analysed and reported as one program. */
static int link_summaries(struct run *run)
{
	char err[4096];
	if (load_config(run, err, sizeof(err)) != 0 || resolve_fail_on(run, err, sizeof(err)) != 0 ||
	    load_models(run, err, sizeof(err)) != 0 || resolve_roots(run, err, sizeof(err)) != 0 ||
	    load_baseline(run, err, sizeof(err)) != 0 || refuse_output_over_inputs(run, err, sizeof(err)) != 0)
		return fail(SOVA_EXIT_USAGE, err);
	struct sova_summaries set = { 0 };
	double t = now_seconds();
	for (size_t i = 0; i < run->cli.nfiles; i++) {
		if (sova_summaries_read(&set, run->cli.files[i], err, sizeof(err)) != 0) {
			sova_summaries_free(&set);
			return fail(SOVA_EXIT_USAGE, err);
		}
	}
	stage_done(run, "read", &t);
	if (sova_summaries_finish(&set, err, sizeof(err)) != 0) {
		sova_summaries_free(&set);
		return fail(SOVA_EXIT_USAGE, err);
	}
	stage_done(run, "order", &t);
	run->facts = set.facts;
	run->nfacts = set.count;
	collect_notes(run, set.notes, set.nnotes, set.dropped, set.ndropped);
	set.facts = NULL;
	set.count = 0;
	set.dropped = NULL;
	set.ndropped = 0;
	sova_summaries_free(&set);
	char *no_note;
	sova_cache_open(&run->cache, NULL, 0, &no_note);
	return analyse_and_report(run, 0);
}

/* ---- the other commands ---- */

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
		printf("%s  %-24s %-8s %s\n", sorted[i]->id, sorted[i]->name, sova_level_name(sorted[i]->level),
		       sorted[i]->summary);
	free(sorted);
}

/* Prints the rule's page; without the docs, what the rule itself knows. */
static int explain(const char *name)
{
	const struct sova_rule *rule = sova_rule_find(name);
	if (!rule) {
		fprintf(stderr, "sova: error: no rule '%s'; 'sova rules' lists them\n", name);
		return SOVA_EXIT_USAGE;
	}
	char dir[PATH_MAX];
	if (sova_data_dir("docs/rules", "docs/rules", dir, sizeof(dir)) == 0) {
		char *path = sova_xasprintf("%s/%s.md", dir, rule->id);
		const char *why;
		size_t len;
		char *text = sova_read_file(path, &len, &why);
		free(path);
		if (text) {
			fwrite(text, 1, len, stdout);
			free(text);
			return SOVA_EXIT_CLEAN;
		}
	}
	printf("# %s %s\n\n%s\n\n%s\n\nFix: %s\n", rule->id, rule->name, rule->summary, rule->description, rule->fix);
	return SOVA_EXIT_CLEAN;
}

static void run_free(struct run *run)
{
	for (size_t i = 0; i < run->nfacts; i++)
		sova_tu_facts_free(&run->facts[i]);
	free(run->facts);
	for (size_t i = 0; i < run->nnotes; i++)
		free(run->notes[i]);
	free(run->notes);
	free(run->positions);
	for (size_t i = 0; i < run->nonly_files; i++)
		free(run->only_files[i]);
	free(run->only_files);
	free(run->named_headers);
	free(run->inputs.config);
	free(run->inputs.compdb);
	if (run->has_baseline)
		sova_baseline_free(&run->baseline);
	sova_cache_close(&run->cache);
	sova_compdb_free(&run->db);
	sova_build_info_free(&run->build);
	sova_models_free(&run->models);
	sova_config_free(&run->config);
	sova_cli_free(&run->cli);
}

int main(int argc, char **argv)
{
	static struct run run;
	char err[1024];
	run.argc = argc;
	run.argv = argv;
	sova_parse_setup();
	sova_json_setup();
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
	case SOVA_CMD_EXPLAIN:
		rc = explain(run.cli.explain);
		break;
	case SOVA_CMD_CHECK:
	case SOVA_CMD_BASELINE:
	case SOVA_CMD_EXTRACT:
		rc = check(&run);
		break;
	case SOVA_CMD_LINK:
		rc = link_summaries(&run);
		break;
	}
	if (run.parse_abandoned) {
		/* Threads still inside libclang with given-up TUs: freeing what
		 * they were handed, or running libclang's destructors at exit,
		 * could crash under them. The report is written and flushed. */
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	run_free(&run);
	return rc;
}
