/* dump_program.c - stage 4's dump: the link units and every indirect call's targets, as JSON.
 *
 * `sova --dump-program` prints what the link made of the TUs, so that a
 * chain through a function pointer, or a chain that should not cross from
 * one program into another, can be checked at the stage that decides it.
 * Paths are shown relative to base (the working directory) when under it,
 * and everything is sorted, so the output of one input is the same bytes
 * whatever the order of the TUs and the number of parse threads. */
#include "dump_program.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"
#include "report.h"
#include "util.h"

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A JSON array of the texts, sorted, each once: strings, or with parse set
 * the JSON values they write out. Takes ownership of the texts. */
static cJSON *sorted_array(char **items, size_t n, int parse)
{
	if (n > 1)
		qsort(items, n, sizeof(*items), compare_strings);
	cJSON *array = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(items[i], items[i - 1]) != 0)
			cJSON_AddItemToArray(array, parse ? cJSON_Parse(items[i]) : cJSON_CreateString(items[i]));
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return array;
}

static const char *tu_path(const struct sova_program *prog, size_t tu, const char *base)
{
	return sova_display_path(prog->tus[tu].main_file ? prog->tus[tu].main_file : "", base);
}

static int in_program(const struct sova_program *prog, size_t tu, size_t p)
{
	return (sova_units_of(&prog->units, (int)tu)[p / 64] >> (p % 64)) & 1;
}

static cJSON *program_json(const struct sova_program *prog, size_t p, const char *base)
{
	char **tus = sova_xcalloc(prog->ntus + 1, sizeof(*tus));
	size_t n = 0;
	for (size_t t = 0; t < prog->ntus; t++)
		if (in_program(prog, t, p) && sova_units_own(&prog->units, (int)t))
			tus[n++] = sova_xstrdup(tu_path(prog, t, base));
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, p < prog->units.nlinked ? "main" : "library",
				tu_path(prog, (size_t)prog->units.roots[p], base));
	if (prog->units.names && prog->units.names[p])
		cJSON_AddStringToObject(o, "target", prog->units.names[p]);
	/* A library's unit in place of another body in a program: which. */
	int of = prog->units.variant_of ? prog->units.variant_of[p] : -1;
	if (of >= 0)
		cJSON_AddStringToObject(o, "variant_of",
					prog->units.names && prog->units.names[of]
						? prog->units.names[of]
						: tu_path(prog, (size_t)prog->units.roots[of], base));
	cJSON_AddItemToObject(o, "own", sorted_array(tus, n, 0));
	return o;
}

/* Units from..to, each as its JSON text. */
static char **units_json(const struct sova_program *prog, size_t from, size_t to, const char *base)
{
	char **texts = sova_xcalloc(to - from + 1, sizeof(*texts));
	for (size_t p = from; p < to; p++) {
		cJSON *o = program_json(prog, p, base);
		texts[p - from] = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
	}
	return texts;
}

/* Each program with the TUs only it has; the units of libraries nobody
 * here links that define what another TU defines; then the TUs several
 * share. */
static void add_units(cJSON *root, const struct sova_program *prog, const char *base)
{
	const struct sova_units *u = &prog->units;
	/* Where the units come from: "inferred", "meson" or "cmake". */
	cJSON_AddStringToObject(root, "units_from", u->origin ? u->origin : "inferred");
	/* Sorted by their text, which starts with the main file. */
	cJSON_AddItemToObject(root, "programs", sorted_array(units_json(prog, 0, u->nlinked, base), u->nlinked, 1));
	if (u->nprograms > u->nlinked)
		cJSON_AddItemToObject(root, "libraries", sorted_array(units_json(prog, u->nlinked, u->nprograms, base),
								    u->nprograms - u->nlinked, 1));
	char **shared = sova_xcalloc(prog->ntus + 1, sizeof(*shared));
	size_t n = 0;
	for (size_t t = 0; t < prog->ntus; t++)
		if (!sova_units_own(&prog->units, (int)t))
			shared[n++] = sova_xstrdup(tu_path(prog, t, base));
	cJSON_AddItemToObject(root, "shared", sorted_array(shared, n, 0));
	/* The TUs only executables are built from: no code outside the
	 * database calls their functions (callers.c). */
	char **exe = sova_xcalloc(prog->ntus + 1, sizeof(*exe));
	size_t nexe = 0;
	for (size_t t = 0; u->exe_own && t < prog->ntus; t++)
		if (u->exe_own[t])
			exe[nexe++] = sova_xstrdup(tu_path(prog, t, base));
	cJSON_AddItemToObject(root, "executable_code", sorted_array(exe, nexe, 0));
}

static char *place(const struct sova_program *prog, int tu, struct sova_loc loc, const char *base)
{
	struct sova_loc g = sova_program_loc(prog, tu, loc);
	const char *file = g.file >= 0 ? sova_display_path(prog->files[g.file], base) : "?";
	return sova_xasprintf("%s:%u:%u", file, g.line, g.col);
}

static char *target_text(const struct sova_program *prog, int sym, const char *base)
{
	const struct sova_sym *s = &prog->syms[sym];
	if (!s->ndefs)
		return sova_xasprintf("%s (no body)", s->name);
	const struct sova_def *d = &prog->defs[s->defs[0]];
	char *at = place(prog, d->tu, d->fn->loc, base);
	char *text = sova_xasprintf("%s (%s)", s->name, at);
	free(at);
	return text;
}

/* What the targets are found by: the member of one variable, every
 * function stored into the field, or what a variable, parameter or
 * function result holds. */
static const char *resolved_by(const struct sova_program *prog, const struct sova_def *d, const struct sova_call *c)
{
	if (sova_program_callee_member(prog, d, c) >= 0)
		return "object";
	switch (c->callee.kind) {
	case SOVA_VAL_FIELD:
		return "field";
	case SOVA_VAL_PARAM:
		return "parameter";
	case SOVA_VAL_CALL:
		return "result";
	default:
		return "variable";
	}
}

static cJSON *indirect_call_json(const struct sova_program *prog, size_t def, size_t call, const char *base)
{
	const struct sova_def *d = &prog->defs[def];
	const struct sova_call *c = &d->fn->calls[call];
	size_t n = 0;
	for (const int *t = d->targets[call]; *t >= 0; t++)
		n++;
	char **targets = sova_xcalloc(n + 1, sizeof(*targets));
	for (size_t i = 0; i < n; i++)
		targets[i] = target_text(prog, d->targets[call][i], base);
	cJSON *o = cJSON_CreateObject();
	char *at = place(prog, d->tu, c->loc, base);
	cJSON_AddStringToObject(o, "call", at);
	free(at);
	cJSON_AddStringToObject(o, "in", d->fn->name);
	cJSON_AddStringToObject(o, "through", c->callee_name);
	cJSON_AddStringToObject(o, "by", resolved_by(prog, d, c));
	cJSON_AddItemToObject(o, "targets", sorted_array(targets, n, 0));
	return o;
}

static void add_indirect_calls(cJSON *root, const struct sova_program *prog, const char *base)
{
	char **calls = NULL;
	size_t n = 0, cap = 0;
	for (size_t d = 0; d < prog->ndefs; d++)
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++) {
			if (prog->defs[d].fn->calls[c].callee_usr)
				continue;
			cJSON *o = indirect_call_json(prog, d, c, base);
			SOVA_PUSH(calls, n, cap, cJSON_PrintUnformatted(o));
			cJSON_Delete(o);
		}
	cJSON_AddItemToObject(root, "indirect_calls", sorted_array(calls, n, 1));
}

int sova_dump_program(const struct sova_program *prog, const char *base, FILE *out)
{
	cJSON *root = cJSON_CreateObject();
	add_units(root, prog, base);
	add_indirect_calls(root, prog, base);
	return sova_json_print(out, root);
}
