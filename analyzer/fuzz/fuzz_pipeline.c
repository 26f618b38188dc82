/* fuzz_pipeline.c - runs decoded facts through link, analysis, rules and reporters. */
#include "fuzz_pipeline.h"

#include <stdio.h>
#include <stdlib.h>

#include "buildinfo.h"
#include "config.h"
#include "contexts.h"
#include "filters.h"
#include "link.h"
#include "models.h"
#include "report.h"
#include "results.h"
#include "sources.h"

/* The bundled models, loaded at the first input and kept, as the CLI
 * loads them once per run. SOVA_FUZZ_MODELS_DIR comes from CMake. */
static const struct sova_models *bundled_models(void)
{
	static struct sova_models models;
	static int loaded;
	if (!loaded) {
		char err[1024];
		sova_models_init(&models);
		if (sova_models_load_dir(&models, SOVA_FUZZ_MODELS_DIR, err, sizeof(err)) != 0) {
			fprintf(stderr, "fuzz: %s\n", err);
			abort();
		}
		loaded = 1;
	}
	return &models;
}

static int rule_level(const struct sova_rule *rule, enum sova_block_kind kind, const void *data)
{
	(void)rule;
	(void)kind;
	(void)data;
	return SOVA_CONFIG_LEVEL_UNSET; /* each rule's own level */
}

/* Each reporter writes into memory: what they write is not the question. */
static void write_reports(const struct sova_report *report)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		abort();
	sova_report_text(out, report);
	sova_report_notifications_text(out, report);
	sova_report_completeness(out, report);
	sova_report_summary(out, report);
	if (sova_report_sarif(out, report) != 0 || sova_report_codequality(out, report) != 0)
		abort(); /* memory does not fill up */
	fclose(out);
	free(text);
}

void fuzz_pipeline(const struct sova_tu_facts *tus, size_t ntus, struct sova_baseline *baseline)
{
	const struct sova_models *models = bundled_models();
	struct sova_build_info build = { 0 };
	struct sova_program prog;
	sova_link(tus, ntus, &build, &prog);
	struct sova_analyze_options options = { .entry_flows = 3 };
	struct sova_analysis analysis;
	sova_analyze(&prog, models, &options, &analysis);
	struct sova_config config;
	sova_config_init(&config);
	struct sova_results results;
	sova_apply_rules(&analysis, &prog, rule_level, &config, &results);
	struct sova_sources sources;
	sova_sources_init(&sources, prog.files, prog.nfiles);
	struct sova_filter_options filter = { .config = &config, .baseline = baseline, .report_unused = 1, .srcroot = "/" };
	struct sova_notices notices;
	sova_filter_results(&results, &prog, &sources, &filter, &notices);
	struct sova_completeness completeness = { .ntus = ntus };
	struct sova_report report = {
		.results = &results, .prog = &prog, .tus = tus, .ntus = ntus, .notices = &notices, .baseline = baseline,
		.sources = &sources, .srcroot = "/", .cwd = "/", .execution_ok = 1, .completeness = &completeness,
	};
	write_reports(&report);
	sova_notices_free(&notices);
	sova_sources_free(&sources);
	sova_results_free(&results);
	sova_config_free(&config);
	sova_analysis_free(&analysis);
	sova_program_free(&prog);
}
