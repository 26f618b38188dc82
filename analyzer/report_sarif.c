/* report_sarif.c - results as a SARIF 2.1.0 log.
 *
 * Paths under the source root are written relative to %SRCROOT%, so logs
 * from different checkouts compare equal; columns are UTF-16 code units, as
 * SARIF's default columnKind and GitHub code scanning expect, converted from
 * libclang's byte columns by reading the source line. */
#include "report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "sources.h"
#include "util.h"

#ifndef SOVA_VERSION
#define SOVA_VERSION "0.0.0"
#endif
#ifndef SOVA_HOMEPAGE
#define SOVA_HOMEPAGE "https://github.com/sova-analyzer/sova"
#endif

/* GitHub code scanning rejects runs over these sizes. */
#define GITHUB_MAX_RESULTS 25000
#define GITHUB_MAX_LOCATIONS 1000
#define GITHUB_MAX_FLOW_LOCATIONS 10000

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"

struct sarif_writer {
	const struct sova_report *report;
	struct sova_sources *sources;
};

static const char *line_text(struct sarif_writer *w, int file, unsigned line, size_t *len)
{
	return sova_source_line(w->sources, file, line, len);
}

/* Length of the UTF-8 sequence at p (at most n bytes), or 0 when invalid. */
static size_t utf8_sequence(const unsigned char *p, size_t n)
{
	size_t len = p[0] < 0x80 ? 1 : p[0] >= 0xc2 && p[0] <= 0xdf ? 2 : (p[0] & 0xf0) == 0xe0 ? 3
		   : p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	for (size_t k = 1; k < len; k++)
		if ((p[k] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* UTF-16 column of a 1-based byte column. A byte that is not valid UTF-8
 * counts as one unit, as a decoder's U+FFFD replacement would. */
static unsigned utf16_col(struct sarif_writer *w, int file, unsigned line, unsigned byte_col)
{
	size_t len;
	const char *text = line_text(w, file, line, &len);
	if (!text || byte_col == 0)
		return byte_col;
	const unsigned char *p = (const unsigned char *)text;
	size_t end = byte_col - 1 < len ? byte_col - 1 : len;
	unsigned units = 1;
	for (size_t i = 0; i < end;) {
		size_t seq = utf8_sequence(p + i, len - i);
		units += seq == 4 ? 2 : 1;
		i += seq ? seq : 1;
	}
	return units + (unsigned)(byte_col - 1 - end);
}

/* End column for a zero-width range (a macro use): the end of the identifier. */
static unsigned token_end(struct sarif_writer *w, const struct sova_loc *loc)
{
	size_t len;
	const char *text = line_text(w, loc->file, loc->line, &len);
	size_t i = loc->col - 1;
	if (!text || i >= len)
		return loc->col + 1;
	while (i < len && (text[i] == '_' || (text[i] >= '0' && text[i] <= '9') || ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z')))
		i++;
	return (unsigned)i + 1 > loc->col ? (unsigned)i + 1 : loc->col + 1;
}

static int unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c);
}

static char *uri_encode(const char *prefix, const char *path)
{
	size_t n = strlen(prefix), len = strlen(path);
	char *out = sova_xmalloc(n + 3 * len + 1);
	memcpy(out, prefix, n);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (unreserved(*p)) {
			out[n++] = (char)*p;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
	return out;
}

/* Relative to %SRCROOT% when the file is under it; an absolute file URI otherwise. */
static cJSON *artifact_location(const struct sova_report *r, const char *path)
{
	cJSON *loc = cJSON_CreateObject();
	const char *rel = sova_display_path(path, r->srcroot);
	char *uri;
	if (rel != path) {
		uri = uri_encode("", rel);
		cJSON_AddStringToObject(loc, "uri", uri);
		cJSON_AddStringToObject(loc, "uriBaseId", SRCROOT);
	} else {
		uri = uri_encode("file://", path);
		cJSON_AddStringToObject(loc, "uri", uri);
	}
	free(uri);
	return loc;
}

static cJSON *region(struct sarif_writer *w, const struct sova_loc *loc)
{
	cJSON *reg = cJSON_CreateObject();
	unsigned end_line = loc->end_line, end_col = loc->end_col;
	if (end_line < loc->line || (end_line == loc->line && end_col <= loc->col)) {
		end_line = loc->line;
		end_col = token_end(w, loc);
	}
	cJSON_AddNumberToObject(reg, "startLine", loc->line);
	cJSON_AddNumberToObject(reg, "startColumn", utf16_col(w, loc->file, loc->line, loc->col));
	cJSON_AddNumberToObject(reg, "endLine", end_line);
	cJSON_AddNumberToObject(reg, "endColumn", utf16_col(w, loc->file, end_line, end_col));
	return reg;
}

static cJSON *message(const char *text)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "text", text);
	return m;
}

static cJSON *physical_location(struct sarif_writer *w, const struct sova_loc *loc)
{
	cJSON *phys = cJSON_CreateObject();
	cJSON_AddItemToObject(phys, "artifactLocation", artifact_location(w->report, w->report->prog->files[loc->file]));
	cJSON_AddItemToObject(phys, "region", region(w, loc));
	return phys;
}

static cJSON *location(struct sarif_writer *w, const struct sova_step *step, int id)
{
	cJSON *loc = cJSON_CreateObject();
	if (id >= 0)
		cJSON_AddNumberToObject(loc, "id", id);
	cJSON_AddItemToObject(loc, "physicalLocation", physical_location(w, &step->loc));
	if (step->message)
		cJSON_AddItemToObject(loc, "message", message(step->message));
	return loc;
}

static cJSON *code_flow(struct sarif_writer *w, const struct sova_chain *chain)
{
	cJSON *locations = cJSON_CreateArray();
	for (size_t i = 0; i < chain->nsteps && i < GITHUB_MAX_FLOW_LOCATIONS; i++) {
		cJSON *tfl = cJSON_CreateObject();
		cJSON_AddItemToObject(tfl, "location", location(w, &chain->steps[i], -1));
		cJSON_AddNumberToObject(tfl, "nestingLevel", chain->steps[i].depth ? chain->steps[i].depth : 1);
		cJSON_AddNumberToObject(tfl, "executionOrder", (double)i + 1);
		cJSON_AddItemToArray(locations, tfl);
	}
	cJSON *thread_flow = cJSON_CreateObject();
	cJSON_AddItemToObject(thread_flow, "locations", locations);
	cJSON *thread_flows = cJSON_CreateArray();
	cJSON_AddItemToArray(thread_flows, thread_flow);
	cJSON *flow = cJSON_CreateObject();
	cJSON_AddItemToObject(flow, "threadFlows", thread_flows);
	return flow;
}

/* The shortest chain first, then the shortest from each other entry function. */
static cJSON *code_flows(struct sarif_writer *w, const struct sova_result *res)
{
	cJSON *flows = cJSON_CreateArray();
	cJSON_AddItemToArray(flows, code_flow(w, &res->chain));
	for (size_t i = 0; i < res->nother_flows; i++)
		cJSON_AddItemToArray(flows, code_flow(w, &res->other_flows[i]));
	return flows;
}

static cJSON *fingerprints(const struct sova_result *res)
{
	cJSON *fp = cJSON_CreateObject();
	cJSON_AddStringToObject(fp, "primaryLocationLineHash", res->line_hash);
	cJSON_AddStringToObject(fp, "sova/v1", res->fingerprint);
	return fp;
}

static const char *baseline_state(enum sova_baseline_state state)
{
	switch (state) {
	case SOVA_BASELINE_UNCHANGED:
		return "unchanged";
	case SOVA_BASELINE_UPDATED:
		return "updated";
	default:
		return "new";
	}
}

static cJSON *suppressions(const struct sova_result *res)
{
	cJSON *s = cJSON_CreateObject();
	cJSON_AddStringToObject(s, "kind", "inSource");
	if (res->justification && res->justification[0])
		cJSON_AddStringToObject(s, "justification", res->justification);
	cJSON *list = cJSON_CreateArray();
	cJSON_AddItemToArray(list, s);
	return list;
}

static int rule_index(const struct sova_rule *rule)
{
	int i = 0;
	while (sova_rules[i] && sova_rules[i] != rule)
		i++;
	return i;
}

static cJSON *result_json(struct sarif_writer *w, size_t index)
{
	const struct sova_result *res = &w->report->results->items[index];
	(void)index;
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "ruleId", res->rule->id);
	cJSON_AddNumberToObject(r, "ruleIndex", rule_index(res->rule));
	cJSON_AddStringToObject(r, "level", sova_level_name(res->level));
	cJSON_AddItemToObject(r, "message", message(res->message));
	cJSON *locations = cJSON_CreateArray();
	struct sova_step primary = { res->loc, 0, NULL };
	cJSON *loc = location(w, &primary, -1);
	cJSON *logical = cJSON_CreateArray();
	cJSON *fn = cJSON_CreateObject();
	cJSON_AddStringToObject(fn, "name", res->function);
	cJSON_AddStringToObject(fn, "kind", "function");
	cJSON_AddItemToArray(logical, fn);
	cJSON_AddItemToObject(loc, "logicalLocations", logical);
	cJSON_AddItemToArray(locations, loc);
	cJSON_AddItemToObject(r, "locations", locations);
	if (res->related.nsteps) {
		cJSON *related = cJSON_CreateArray();
		for (size_t i = 0; i < res->related.nsteps && i < GITHUB_MAX_LOCATIONS; i++)
			cJSON_AddItemToArray(related, location(w, &res->related.steps[i], (int)i));
		cJSON_AddItemToObject(r, "relatedLocations", related);
	}
	if (res->chain.nsteps)
		cJSON_AddItemToObject(r, "codeFlows", code_flows(w, res));
	cJSON_AddItemToObject(r, "partialFingerprints", fingerprints(res));
	if (res->suppressed)
		cJSON_AddItemToObject(r, "suppressions", suppressions(res));
	if (w->report->baseline)
		cJSON_AddStringToObject(r, "baselineState", baseline_state(res->baseline));
	cJSON *props = cJSON_CreateObject();
	cJSON_AddStringToObject(props, "sova/kind", sova_block_kind_name(res->kind));
	if (res->unresolved)
		cJSON_AddBoolToObject(props, "sova/unresolved", 1);
	if (res->nother_flows)
		cJSON_AddNumberToObject(props, "sova/entries", (double)res->nother_flows + 1);
	if (res->more_entries)
		cJSON_AddBoolToObject(props, "sova/moreEntries", 1);
	cJSON_AddItemToObject(r, "properties", props);
	return r;
}

static cJSON *text_and_markdown(const char *text, const char *markdown)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "text", text);
	if (markdown)
		cJSON_AddStringToObject(m, "markdown", markdown);
	return m;
}

static cJSON *rule_json(const struct sova_rule *rule)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "id", rule->id);
	cJSON_AddStringToObject(r, "name", rule->name);
	cJSON_AddItemToObject(r, "shortDescription", text_and_markdown(rule->summary, NULL));
	cJSON_AddItemToObject(r, "fullDescription", text_and_markdown(rule->description, NULL));
	char *help_text = sova_xasprintf("%s\n\nFix: %s", rule->description, rule->fix);
	char *help_md = sova_xasprintf("%s\n\n**Fix:** %s\n\nSee [%s](%s/blob/main/docs/rules/%s.md).", rule->description,
				       rule->fix, rule->id, SOVA_HOMEPAGE, rule->id);
	cJSON_AddItemToObject(r, "help", text_and_markdown(help_text, help_md));
	free(help_text);
	free(help_md);
	char *uri = sova_xasprintf("%s/blob/main/docs/rules/%s.md", SOVA_HOMEPAGE, rule->id);
	cJSON_AddStringToObject(r, "helpUri", uri);
	free(uri);
	cJSON *config = cJSON_CreateObject();
	cJSON_AddStringToObject(config, "level", sova_level_name(rule->level));
	cJSON_AddItemToObject(r, "defaultConfiguration", config);
	cJSON *props = cJSON_CreateObject();
	cJSON *tags = cJSON_CreateArray();
	cJSON_AddItemToArray(tags, cJSON_CreateString("concurrency"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("reliability"));
	cJSON_AddItemToObject(props, "tags", tags);
	cJSON_AddStringToObject(props, "precision", "high");
	cJSON_AddItemToObject(r, "properties", props);
	return r;
}

static cJSON *driver_json(void)
{
	cJSON *driver = cJSON_CreateObject();
	cJSON_AddStringToObject(driver, "name", "sova");
	cJSON_AddStringToObject(driver, "version", SOVA_VERSION);
	cJSON_AddStringToObject(driver, "semanticVersion", SOVA_VERSION);
	cJSON_AddStringToObject(driver, "informationUri", SOVA_HOMEPAGE);
	cJSON *rules = cJSON_CreateArray();
	for (const struct sova_rule *const *rule = sova_rules; *rule; rule++)
		cJSON_AddItemToArray(rules, rule_json(*rule));
	cJSON_AddItemToObject(driver, "rules", rules);
	return driver;
}

static cJSON *notification(const char *level, const char *text, const struct sova_report *r, const char *file,
			   unsigned line, unsigned col)
{
	cJSON *n = cJSON_CreateObject();
	cJSON_AddStringToObject(n, "level", level);
	cJSON_AddItemToObject(n, "message", message(text));
	if (file) {
		cJSON *phys = cJSON_CreateObject();
		cJSON_AddItemToObject(phys, "artifactLocation", artifact_location(r, file));
		if (line) {
			cJSON *reg = cJSON_CreateObject();
			cJSON_AddNumberToObject(reg, "startLine", line);
			cJSON_AddNumberToObject(reg, "startColumn", col ? col : 1);
			cJSON_AddItemToObject(phys, "region", reg);
		}
		cJSON *loc = cJSON_CreateObject();
		cJSON_AddItemToObject(loc, "physicalLocation", phys);
		cJSON *locs = cJSON_CreateArray();
		cJSON_AddItemToArray(locs, loc);
		cJSON_AddItemToObject(n, "locations", locs);
	}
	return n;
}

/* One notification per TU not analysed completely, naming its first error:
 * an error, or a note when --accept-failures took it. */
static void add_failed_tus(cJSON *notes, const struct sova_report *r)
{
	const struct sova_completeness *c = r->completeness;
	for (int accepted = 0; c && accepted < 2; accepted++) {
		const size_t *tus = accepted ? c->accepted : c->failed;
		size_t n = accepted ? c->naccepted : c->nfailed;
		for (size_t i = 0; i < n; i++) {
			const struct sova_tu_facts *tu = &r->tus[tus[i]];
			const struct sova_diag *d = sova_tu_first_error(tu);
			char *text = sova_xasprintf("%s was not analysed completely%s: %s", tu->main_file,
						    accepted ? " (accepted with --accept-failures)" : "",
						    d ? d->message : "it could not be parsed");
			cJSON_AddItemToArray(notes, notification(accepted ? "note" : "error", text, r, tu->main_file, 0, 0));
			free(text);
		}
		const char *const *files = accepted ? c->unanalysed_accepted : c->unanalysed;
		n = accepted ? c->nunanalysed_accepted : c->nunanalysed;
		for (size_t i = 0; i < n; i++) {
			char *text = sova_xasprintf("%s was not analysed: no translation unit in the compile database "
						    "includes it%s",
						    files[i], accepted ? " (accepted with --accept-failures)" : "");
			cJSON_AddItemToArray(notes, notification(accepted ? "note" : "error", text, r, files[i], 0, 0));
			free(text);
		}
	}
}

/* Which configuration the run used and why: a path below the source root
 * is relative to it, as the results' are. The compile database is not
 * named: a run linked from shards has none and gives the same log. */
static cJSON *configuration_json(const struct sova_report *r)
{
	const struct sova_run_inputs *in = r->inputs;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "file",
			      in->config ? cJSON_CreateString(sova_display_path(in->config, r->srcroot)) : cJSON_CreateNull());
	cJSON_AddStringToObject(o, "origin", in->config_origin ? in->config_origin : "");
	return o;
}

static cJSON *invocation_json(const struct sova_report *r)
{
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddBoolToObject(inv, "executionSuccessful", r->execution_ok);
	cJSON *notes = cJSON_CreateArray();
	for (size_t i = 0; i < r->nnotes; i++)
		cJSON_AddItemToArray(notes, notification("warning", r->notes[i], r, NULL, 0, 0));
	for (size_t t = 0; t < r->ntus; t++) {
		for (size_t i = 0; i < r->tus[t].ndiags; i++) {
			const struct sova_diag *d = &r->tus[t].diags[i];
			const char *level = d->level == SOVA_DIAG_ERROR ? "error" : d->level == SOVA_DIAG_WARNING ? "warning" : "note";
			cJSON_AddItemToArray(notes, notification(level, d->message, r, d->file, d->line, d->col));
		}
	}
	for (size_t i = 0; r->notices && i < r->notices->count; i++) {
		const struct sova_notice *n = &r->notices->items[i];
		cJSON_AddItemToArray(notes, notification("note", n->message, r, r->prog->files[n->loc.file], n->loc.line,
							 n->loc.col));
	}
	add_failed_tus(notes, r);
	if (r->results->count > GITHUB_MAX_RESULTS) {
		char *text = sova_xasprintf("only the first %d of %zu results are written, as GitHub code scanning "
					    "accepts no more in a run",
					    GITHUB_MAX_RESULTS, r->results->count);
		cJSON_AddItemToArray(notes, notification("warning", text, r, NULL, 0, 0));
		free(text);
	}
	cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
	if (r->completeness) {
		cJSON *counts = cJSON_CreateObject();
		cJSON_AddNumberToObject(counts, "total", (double)r->completeness->ntus);
		cJSON_AddNumberToObject(counts, "incomplete", (double)r->completeness->nfailed);
		cJSON_AddNumberToObject(counts, "incompleteAccepted", (double)r->completeness->naccepted);
		cJSON *props = cJSON_CreateObject();
		cJSON_AddItemToObject(props, "sova/translationUnits", counts);
		if (r->inputs)
			cJSON_AddItemToObject(props, "sova/configuration", configuration_json(r));
		cJSON_AddItemToObject(inv, "properties", props);
	}
	cJSON *invocations = cJSON_CreateArray();
	cJSON_AddItemToArray(invocations, inv);
	return invocations;
}

/* A result of the baseline that is gone now, as the baseline had it; NULL
 * when it was matched. */
static cJSON *absent_result(const struct sova_baseline *baseline, const struct sova_baseline_result *br)
{
	cJSON *copy = br->matched ? NULL : sova_baseline_result_json(baseline, br);
	if (!copy)
		return NULL; /* matched; or, having parsed when read, it cannot fail */
	cJSON_DeleteItemFromObjectCaseSensitive(copy, "baselineState");
	cJSON_DeleteItemFromObjectCaseSensitive(copy, "ruleIndex");
	const struct sova_rule *rule = sova_rule_find(br->rule);
	if (rule)
		cJSON_AddNumberToObject(copy, "ruleIndex", rule_index(rule));
	cJSON_AddStringToObject(copy, "baselineState", "absent");
	return copy;
}

static cJSON *run_json(struct sarif_writer *w)
{
	const struct sova_report *r = w->report;
	cJSON *run = cJSON_CreateObject();
	cJSON *tool = cJSON_CreateObject();
	cJSON_AddItemToObject(tool, "driver", driver_json());
	cJSON_AddItemToObject(run, "tool", tool);
	cJSON_AddItemToObject(run, "invocations", invocation_json(r));
	cJSON *bases = cJSON_CreateObject();
	cJSON *root = cJSON_CreateObject();
	char *root_uri = uri_encode("file://", r->srcroot);
	char *with_slash = sova_xasprintf("%s/", root_uri);
	cJSON_AddStringToObject(root, "uri", with_slash);
	free(root_uri);
	free(with_slash);
	cJSON_AddItemToObject(bases, SRCROOT, root);
	cJSON_AddItemToObject(run, "originalUriBaseIds", bases);
	cJSON_AddStringToObject(run, "columnKind", "utf16CodeUnits");
	/* Filled in as the log is written (write_results): left empty here. */
	cJSON_AddItemToObject(run, "results", cJSON_CreateArray());
	return run;
}

/* The results array is written one result at a time, each as cJSON would
 * print it in place (indented by four tabs), so that memory holds one
 * result's tree, not the whole log's: 25,000 results with long chains
 * would be gigabytes as one tree. */
#define RESULTS_PLACEHOLDER "\"results\":\t[]"

static int write_indented(FILE *out, cJSON *item)
{
	char *text = cJSON_Print(item);
	cJSON_Delete(item);
	if (!text)
		return -1;
	int rc = 0;
	for (const char *line = text; *line && rc == 0;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
		if (fwrite(line, 1, len, out) != len || (end && fputs("\t\t\t\t", out) < 0))
			rc = -1;
		line += len;
	}
	free(text);
	return rc;
}

/* Writes item after a ", " unless it is the first. */
static int write_element(FILE *out, cJSON *item, size_t *written)
{
	if ((*written)++ && fputs(", ", out) < 0) {
		cJSON_Delete(item);
		return -1;
	}
	return write_indented(out, item);
}

static int write_results(FILE *out, struct sarif_writer *w)
{
	const struct sova_report *r = w->report;
	size_t written = 0;
	int rc = fputs("\"results\":\t[", out) < 0 ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < r->results->count && i < GITHUB_MAX_RESULTS; i++)
		rc = write_element(out, result_json(w, i), &written);
	for (size_t i = 0; rc == 0 && r->baseline && i < r->baseline->nresults; i++) {
		cJSON *absent = absent_result(r->baseline, &r->baseline->results[i]);
		if (absent)
			rc = write_element(out, absent, &written);
	}
	return rc == 0 && fputc(']', out) != EOF ? 0 : -1;
}

int sova_report_sarif(FILE *out, const struct sova_report *report)
{
	struct sarif_writer w = { report, report->sources };
	cJSON *log = cJSON_CreateObject();
	cJSON_AddStringToObject(log, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(log, "version", "2.1.0");
	cJSON *runs = cJSON_CreateArray();
	cJSON_AddItemToArray(runs, run_json(&w));
	cJSON_AddItemToObject(log, "runs", runs);
	char *text = cJSON_Print(log);
	cJSON_Delete(log);
	if (!text)
		return -1;
	/* "results" is the run's last member: its placeholder is the last in the text. */
	char *at = NULL;
	for (char *p = strstr(text, RESULTS_PLACEHOLDER); p; p = strstr(p + 1, RESULTS_PLACEHOLDER))
		at = p;
	size_t head = at ? (size_t)(at - text) : 0;
	int rc = at && fwrite(text, 1, head, out) == head ? write_results(out, &w) : -1;
	if (rc == 0 && (fputs(at + strlen(RESULTS_PLACEHOLDER), out) < 0 || fputc('\n', out) == EOF))
		rc = -1;
	free(text);
	return rc;
}
