/* report_text.c - results in the gcc/clang diagnostic format. */
#include "report.h"

#include <string.h>

const char *sova_display_path(const char *path, const char *base)
{
	size_t n = base ? strlen(base) : 0;
	if (n && strncmp(path, base, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

static const char *level_name(enum sova_level level)
{
	switch (level) {
	case SOVA_LEVEL_ERROR:
		return "error";
	case SOVA_LEVEL_WARNING:
		return "warning";
	default:
		return "note";
	}
}

/* Prints a SARIF-style message, turning "[text](n)" links into plain text. */
static void print_plain(FILE *out, const char *msg)
{
	for (const char *p = msg; *p; p++) {
		if (*p == ']' && p[1] == '(') {
			const char *close = strchr(p, ')');
			if (close) {
				p = close;
				continue;
			}
		}
		if (*p != '[')
			fputc(*p, out);
	}
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

void sova_report_text(FILE *out, const struct sova_report *r)
{
	for (size_t i = 0; i < r->results->count; i++) {
		const struct sova_result *res = &r->results->items[i];
		print_at(out, r, &res->loc, level_name(res->level));
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
	}
}

static const char *diag_level(enum sova_diag_level level)
{
	return level == SOVA_DIAG_ERROR ? "error" : level == SOVA_DIAG_WARNING ? "warning" : "note";
}

void sova_report_notifications_text(FILE *out, const struct sova_report *r)
{
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
}
