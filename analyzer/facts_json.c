/* facts_json.c - the per-TU summary as JSON, for --dump-facts, caches and extract/link. */
#include "facts_json.h"

static const char *const val_kinds[] = {
	[SOVA_VAL_UNKNOWN] = "unknown", [SOVA_VAL_FUNC] = "func",   [SOVA_VAL_LOCAL] = "local",
	[SOVA_VAL_PARAM] = "param",     [SOVA_VAL_GLOBAL] = "global", [SOVA_VAL_FIELD] = "field",
	[SOVA_VAL_CALL] = "call",       [SOVA_VAL_INT] = "int",
};

static cJSON *val_json(const struct sova_val *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "kind", val_kinds[v->kind]);
	if (v->usr)
		cJSON_AddStringToObject(o, "usr", v->usr);
	if (v->name)
		cJSON_AddStringToObject(o, "name", v->name);
	if (v->kind == SOVA_VAL_PARAM || v->kind == SOVA_VAL_CALL || v->kind == SOVA_VAL_INT)
		cJSON_AddNumberToObject(o, "num", (double)v->num);
	if (v->element)
		cJSON_AddTrueToObject(o, "element");
	if (v->address)
		cJSON_AddTrueToObject(o, "address");
	if (v->path)
		cJSON_AddStringToObject(o, "path", v->path);
	return o;
}

static cJSON *loc_json(const struct sova_loc *l)
{
	cJSON *a = cJSON_CreateArray();
	const double parts[] = { l->file, l->line, l->col, l->end_line, l->end_col };
	for (size_t i = 0; i < 5; i++)
		cJSON_AddItemToArray(a, cJSON_CreateNumber(parts[i]));
	return a;
}

static cJSON *strings_json(char *const *s, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s[i]));
	return a;
}

static cJSON *call_json(const struct sova_call *c)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "loc", loc_json(&c->loc));
	if (c->callee_usr)
		cJSON_AddStringToObject(o, "callee_usr", c->callee_usr);
	cJSON_AddStringToObject(o, "callee_name", c->callee_name ? c->callee_name : "");
	if (!c->callee_usr)
		cJSON_AddItemToObject(o, "callee", val_json(&c->callee));
	if (c->returns)
		cJSON_AddStringToObject(o, "returns", c->returns);
	cJSON *args = cJSON_CreateArray();
	for (size_t i = 0; i < c->nargs; i++)
		cJSON_AddItemToArray(args, val_json(&c->args[i]));
	cJSON_AddItemToObject(o, "args", args);
	if (c->nguards) {
		cJSON *g = cJSON_CreateArray();
		for (size_t i = 0; i < c->nguards; i++)
			cJSON_AddItemToArray(g, cJSON_CreateNumber(c->guards[i]));
		cJSON_AddItemToObject(o, "guards", g);
	}
	return o;
}

static cJSON *assigns_json(const struct sova_assign *a, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "target", val_json(&a[i].target));
		cJSON_AddItemToObject(o, "value", val_json(&a[i].value));
		if (a[i].object.kind != SOVA_VAL_UNKNOWN)
			cJSON_AddItemToObject(o, "object", val_json(&a[i].object));
		cJSON_AddNumberToObject(o, "seq", a[i].seq);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *func_json(const struct sova_func *f)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "usr", f->usr);
	cJSON_AddStringToObject(o, "name", f->name);
	cJSON_AddItemToObject(o, "loc", loc_json(&f->loc));
	cJSON_AddBoolToObject(o, "external", f->external);
	if (f->nannotations)
		cJSON_AddItemToObject(o, "annotations", strings_json(f->annotations, f->nannotations));
	cJSON *calls = cJSON_CreateArray();
	for (size_t i = 0; i < f->ncalls; i++)
		cJSON_AddItemToArray(calls, call_json(&f->calls[i]));
	cJSON_AddItemToObject(o, "calls", calls);
	cJSON_AddItemToObject(o, "assigns", assigns_json(f->assigns, f->nassigns));
	cJSON *returns = cJSON_CreateArray();
	for (size_t i = 0; i < f->nreturns; i++)
		cJSON_AddItemToArray(returns, val_json(&f->returns[i]));
	cJSON_AddItemToObject(o, "returns", returns);
	return o;
}

cJSON *sova_facts_to_json(const struct sova_tu_facts *facts)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "main_file", facts->main_file ? facts->main_file : "");
	cJSON_AddBoolToObject(o, "failed", facts->failed);
	cJSON_AddItemToObject(o, "files", strings_json(facts->files, facts->nfiles));
	cJSON_AddItemToObject(o, "includes", strings_json(facts->includes, facts->nincludes));
	cJSON *funcs = cJSON_CreateArray();
	for (size_t i = 0; i < facts->nfuncs; i++)
		cJSON_AddItemToArray(funcs, func_json(&facts->funcs[i]));
	cJSON_AddItemToObject(o, "functions", funcs);
	cJSON_AddItemToObject(o, "globals", assigns_json(facts->globals, facts->nglobals));
	cJSON *decls = cJSON_CreateArray();
	for (size_t i = 0; i < facts->ndecls; i++) {
		cJSON *d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "usr", facts->decls[i].usr);
		cJSON_AddStringToObject(d, "name", facts->decls[i].name);
		cJSON_AddItemToObject(d, "annotations", strings_json(facts->decls[i].annotations, facts->decls[i].nannotations));
		cJSON_AddItemToArray(decls, d);
	}
	cJSON_AddItemToObject(o, "declarations", decls);
	return o;
}
