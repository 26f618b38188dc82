/* report_text.c - results in the gcc/clang diagnostic format. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

char *sova_message_plain(const char *msg)
{
	char *out = sova_xmalloc(strlen(msg) + 1);
	size_t n = 0;
	for (const char *p = msg; *p; p++) {
		if (*p == ']' && p[1] == '(') {
			const char *close = strchr(p, ')');
			if (close) {
				p = close;
				continue;
			}
		}
		if (*p != '[')
			out[n++] = *p;
	}
	out[n] = '\0';
	return out;
}

static void print_plain(FILE *out, const char *msg)
{
	char *plain = sova_message_plain(msg);
	fputs(plain, out);
	free(plain);
}

static void print_at(FILE *out, const struct sova_report *r, const struct sova_loc *loc, const char *level)
{
	const char *path = loc->file >= 0 ? r->prog->files[loc->file] : "<unknown>";
	fprintf(out, "%s:%u:%u: %s: ", sova_display_path(path, r->cwd), loc->line, loc->col, level);
}

/* A related location the chain already showed at the same place. */
static int in_chain(const struct sova_chain *chain, const struct sova_step *step)
{
	for (size_t i = 0; i < chain->nsteps; i++) {
		const struct sova_loc *a = &chain->steps[i].loc, *b = &step->loc;
		if (a->file == b->file && a->line == b->line && a->col == b->col)
			return 1;
	}
	return 0;
}

/* The other entry functions that reach the call, counted and named: their
 * chains are in the SARIF output's code flows. */
static void print_other_entries(FILE *out, const struct sova_report *r, const struct sova_result *res)
{
	if (!res->nother_flows)
		return;
	print_at(out, r, &res->loc, "note");
	int one = res->nother_flows == 1 && !res->more_entries;
	fprintf(out, "%s%zu other entry function%s reach%s this call too:", res->more_entries ? "at least " : "",
		res->nother_flows, one ? "" : "s", one ? "es" : "");
	for (size_t i = 0; i < res->nother_flows; i++)
		fprintf(out, "%s '%s'", i ? "," : "", res->other_entries[i]);
	fprintf(out, "\n");
}

int sova_result_shown(const struct sova_result *result)
{
	return !result->suppressed && (result->baseline == SOVA_BASELINE_NONE || result->baseline == SOVA_BASELINE_NEW);
}

void sova_report_text(FILE *out, const struct sova_report *r)
{
	for (size_t i = 0; i < r->results->count; i++) {
		const struct sova_result *res = &r->results->items[i];
		if (!sova_result_shown(res))
			continue;
		print_at(out, r, &res->loc, sova_level_name(res->level));
		print_plain(out, res->message);
		fprintf(out, " [%s]\n", res->rule->id);
		for (size_t k = 0; k < res->chain.nsteps; k++) {
			print_at(out, r, &res->chain.steps[k].loc, "note");
			fprintf(out, "%s\n", res->chain.steps[k].message);
		}
		for (size_t k = 0; k < res->related.nsteps; k++) {
			if (in_chain(&res->chain, &res->related.steps[k]))
				continue;
			print_at(out, r, &res->related.steps[k].loc, "note");
			fprintf(out, "%s\n", res->related.steps[k].message);
		}
		print_other_entries(out, r, res);
	}
	sova_report_completeness(out, r);
}

static const char *diag_level(enum sova_diag_level level)
{
	return level == SOVA_DIAG_ERROR ? "error" : level == SOVA_DIAG_WARNING ? "warning" : "note";
}

static void list_tus(FILE *out, const struct sova_report *r, const size_t *tus, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : "", sova_display_path(r->tus[tus[i]].main_file, r->cwd));
}

static void list_files(FILE *out, const struct sova_report *r, const char *const *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : "", sova_display_path(files[i], r->cwd));
}

void sova_report_completeness(FILE *out, const struct sova_report *r)
{
	const struct sova_completeness *c = r->completeness;
	if (!c || (!c->nfailed && !c->naccepted && !c->nunanalysed && !c->nunanalysed_accepted))
		return;
	size_t broken = c->nfailed + c->naccepted;
	fprintf(out, "sova: analysed %zu of %zu translation unit%s completely", c->ntus - broken, c->ntus,
		c->ntus == 1 ? "" : "s");
	if (c->nfailed) {
		fprintf(out, "; %zu failed: ", c->nfailed);
		list_tus(out, r, c->failed, c->nfailed);
	}
	if (c->naccepted) {
		fprintf(out, "; %zu failure%s accepted (--accept-failures): ", c->naccepted, c->naccepted == 1 ? "" : "s");
		list_tus(out, r, c->accepted, c->naccepted);
	}
	if (c->nunanalysed) {
		fprintf(out, "; %zu header%s named but included by no translation unit: ", c->nunanalysed,
			c->nunanalysed == 1 ? "" : "s");
		list_files(out, r, c->unanalysed, c->nunanalysed);
	}
	if (c->nunanalysed_accepted) {
		fprintf(out, "; %zu header%s included by none accepted (--accept-failures): ", c->nunanalysed_accepted,
			c->nunanalysed_accepted == 1 ? "" : "s");
		list_files(out, r, c->unanalysed_accepted, c->nunanalysed_accepted);
	}
	fputc('\n', out);
}

/* Each TU not analysed completely, with its first error, on one line. */
static void failed_tus_text(FILE *out, const struct sova_report *r, const size_t *tus, size_t n, const char *level)
{
	for (size_t i = 0; i < n; i++) {
		const struct sova_tu_facts *tu = &r->tus[tus[i]];
		const struct sova_diag *d = sova_tu_first_error(tu);
		fprintf(out, "sova: %s: %s was not analysed completely", level, sova_display_path(tu->main_file, r->cwd));
		if (d && d->line)
			fprintf(out, ": %s:%u:%u: %s", sova_display_path(d->file ? d->file : tu->main_file, r->cwd), d->line,
				d->col, d->message);
		else if (d)
			fprintf(out, ": %s", d->message);
		fputc('\n', out);
	}
}

void sova_report_notifications_text(FILE *out, const struct sova_report *r)
{
	for (size_t i = 0; r->notices && i < r->notices->count; i++) {
		const struct sova_notice *n = &r->notices->items[i];
		print_at(out, r, &n->loc, "note");
		fprintf(out, "%s [sova-suppression]\n", n->message);
	}
	for (size_t i = 0; i < r->nnotes; i++)
		fprintf(out, "sova: warning: %s\n", r->notes[i]);
	for (size_t t = 0; t < r->ntus; t++) {
		for (size_t i = 0; i < r->tus[t].ndiags; i++) {
			const struct sova_diag *d = &r->tus[t].diags[i];
			const char *file = d->file ? sova_display_path(d->file, r->cwd) : "sova";
			if (d->line)
				fprintf(out, "%s:%u:%u: %s: %s\n", file, d->line, d->col, diag_level(d->level), d->message);
			else
				fprintf(out, "%s: %s: %s\n", file, diag_level(d->level), d->message);
		}
	}
	if (r->completeness) {
		const struct sova_completeness *c = r->completeness;
		failed_tus_text(out, r, c->failed, c->nfailed, "error");
		failed_tus_text(out, r, c->accepted, c->naccepted, "note");
		for (size_t i = 0; i < c->nunanalysed + c->nunanalysed_accepted; i++) {
			int accepted = i >= c->nunanalysed;
			const char *file = accepted ? c->unanalysed_accepted[i - c->nunanalysed] : c->unanalysed[i];
			fprintf(out, "sova: %s: %s was not analysed: no translation unit in the compile database "
				     "includes it%s\n",
				accepted ? "note" : "error", sova_display_path(file, r->cwd),
				accepted ? " (accepted with --accept-failures)" : "");
		}
	}
}

/* "sova: configuration .sova.json (found); compile database build/compile_commands.json (-p)" */
static void summary_inputs(FILE *out, const struct sova_report *r)
{
	const struct sova_run_inputs *in = r->inputs;
	if (!in)
		return;
	fprintf(out, "sova: configuration %s (%s); compile database %s (%s)\n",
		in->config ? sova_display_path(in->config, r->cwd) : "none", in->config_origin ? in->config_origin : "",
		in->compdb ? sova_display_path(in->compdb, r->cwd) : "none, files and flags from the command line",
		in->compdb_origin ? in->compdb_origin : "");
}

void sova_report_summary(FILE *out, const struct sova_report *r)
{
	size_t shown = 0, suppressed = 0, known = 0;
	for (size_t i = 0; i < r->results->count; i++) {
		const struct sova_result *res = &r->results->items[i];
		shown += sova_result_shown(res);
		suppressed += res->suppressed;
		known += !res->suppressed && !sova_result_shown(res);
	}
	fprintf(out, "sova: %zu result%s", shown, shown == 1 ? "" : "s");
	const char *sep = ": ";
	for (const struct sova_rule *const *rule = sova_rules; *rule; rule++) {
		size_t n = 0;
		for (size_t i = 0; i < r->results->count; i++)
			n += r->results->items[i].rule == *rule && sova_result_shown(&r->results->items[i]);
		if (n) {
			fprintf(out, "%s%s %zu", sep, (*rule)->id, n);
			sep = ", ";
		}
	}
	if (suppressed || known)
		fprintf(out, " (%zu suppressed, %zu in the baseline)", suppressed, known);
	fputc('\n', out);
	summary_inputs(out, r);
}
