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

#include "util.h"

#ifndef SOVA_VERSION
#define SOVA_VERSION "0.0.0"
#endif
#ifndef SOVA_HOMEPAGE
#define SOVA_HOMEPAGE "https://github.com/sova-analyzer/sova"
#endif

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#define SRCROOT "%SRCROOT%"

/* Source text of the files results point into, loaded on first use. */
struct source {
	int loaded;
	char *text;
	size_t len;
	size_t *lines; /* byte offset of each line start; lines[0] is line 1 */
	size_t nlines;
};

struct sarif_writer {
	const struct sova_report *report;
	struct source *sources;
};

static void load_source(struct source *src, const char *path)
{
	const char *why;
	src->loaded = 1;
	src->text = sova_read_file(path, &src->len, &why);
	if (!src->text)
		return;
	size_t cap = 0;
	SOVA_PUSH(src->lines, src->nlines, cap, 0);
	for (size_t i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			SOVA_PUSH(src->lines, src->nlines, cap, i + 1);
}

/* The text of a 1-based line, without its newline; NULL when unknown. */
static const char *line_text(struct sarif_writer *w, int file, unsigned line, size_t *len)
{
	if (file < 0)
		return NULL;
	struct source *src = &w->sources[file];
	if (!src->loaded)
		load_source(src, w->report->prog->files[file]);
	if (!src->text || line == 0 || line > src->nlines)
		return NULL;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	while (end > start && (src->text[end - 1] == '\n' || src->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return src->text + start;
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

static cJSON *code_flows(struct sarif_writer *w, const struct sova_chain *chain)
{
	cJSON *locations = cJSON_CreateArray();
	for (size_t i = 0; i < chain->nsteps; i++) {
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
	cJSON *flows = cJSON_CreateArray();
	cJSON_AddItemToArray(flows, flow);
	return flows;
}

/* GitHub's primaryLocationLineHash: the line's text without white space,
 * plus how many earlier results in the file share that hash. */
static uint64_t line_hash(struct sarif_writer *w, const struct sova_loc *loc)
{
	size_t len = 0;
	const char *text = line_text(w, loc->file, loc->line, &len);
	uint64_t h = SOVA_FNV_SEED;
	for (size_t i = 0; text && i < len; i++)
		if (text[i] != ' ' && text[i] != '\t')
			h = sova_fnv1a(&text[i], 1, h);
	return h;
}

/* sova's own fingerprint: what the finding is, not where, so it moves with the code. */
static uint64_t finding_hash(const struct sarif_writer *w, const struct sova_result *res)
{
	const char *path = sova_display_path(w->report->prog->files[res->loc.file], w->report->srcroot);
	uint64_t f = sova_fnv1a(res->rule->id, strlen(res->rule->id), SOVA_FNV_SEED);
	f = sova_fnv1a(path, strlen(path) + 1, f);
	f = sova_fnv1a(res->function, strlen(res->function) + 1, f);
	return sova_fnv1a(res->message, strlen(res->message), f);
}

/* Each hash gets ":N", N counting the earlier results of the file with the same hash. */
static cJSON *fingerprints(struct sarif_writer *w, size_t index)
{
	const struct sova_results *results = w->report->results;
	const struct sova_result *res = &results->items[index];
	uint64_t lh = line_hash(w, &res->loc), fh = finding_hash(w, res);
	unsigned line_seen = 1, finding_seen = 1;
	for (size_t i = 0; i < index; i++) {
		const struct sova_result *other = &results->items[i];
		if (other->loc.file != res->loc.file)
			continue;
		line_seen += line_hash(w, &other->loc) == lh;
		finding_seen += finding_hash(w, other) == fh;
	}
	cJSON *fp = cJSON_CreateObject();
	char *v = sova_xasprintf("%016llx:%u", (unsigned long long)lh, line_seen);
	cJSON_AddStringToObject(fp, "primaryLocationLineHash", v);
	free(v);
	v = sova_xasprintf("%016llx:%u", (unsigned long long)fh, finding_seen);
	cJSON_AddStringToObject(fp, "sova/v1", v);
	free(v);
	return fp;
}

static const char *level_name(enum sova_level level)
{
	return level == SOVA_LEVEL_ERROR ? "error" : level == SOVA_LEVEL_WARNING ? "warning" : "note";
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
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "ruleId", res->rule->id);
	cJSON_AddNumberToObject(r, "ruleIndex", rule_index(res->rule));
	cJSON_AddStringToObject(r, "level", level_name(res->level));
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
		for (size_t i = 0; i < res->related.nsteps; i++)
			cJSON_AddItemToArray(related, location(w, &res->related.steps[i], (int)i));
		cJSON_AddItemToObject(r, "relatedLocations", related);
	}
	if (res->chain.nsteps)
		cJSON_AddItemToObject(r, "codeFlows", code_flows(w, &res->chain));
	cJSON_AddItemToObject(r, "partialFingerprints", fingerprints(w, index));
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
	cJSON_AddStringToObject(config, "level", level_name(rule->level));
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
	cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
	cJSON *invocations = cJSON_CreateArray();
	cJSON_AddItemToArray(invocations, inv);
	return invocations;
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
	cJSON *results = cJSON_CreateArray();
	for (size_t i = 0; i < r->results->count; i++)
		cJSON_AddItemToArray(results, result_json(w, i));
	cJSON_AddItemToObject(run, "results", results);
	return run;
}

int sova_report_sarif(FILE *out, const struct sova_report *report)
{
	struct sarif_writer w = { report, sova_xcalloc(report->prog->nfiles + 1, sizeof(struct source)) };
	cJSON *log = cJSON_CreateObject();
	cJSON_AddStringToObject(log, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(log, "version", "2.1.0");
	cJSON *runs = cJSON_CreateArray();
	cJSON_AddItemToArray(runs, run_json(&w));
	cJSON_AddItemToObject(log, "runs", runs);
	char *text = cJSON_Print(log);
	cJSON_Delete(log);
	for (size_t i = 0; i < report->prog->nfiles; i++) {
		free(w.sources[i].text);
		free(w.sources[i].lines);
	}
	free(w.sources);
	if (!text)
		return -1;
	int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}
