/* facts_json.c - the per-TU summary as JSON, for --dump-facts, caches and extract/link.
 *
 * Writing and reading mirror each other field by field. Reading is strict:
 * a summary from a cache or another machine that does not have exactly the
 * expected shape is rejected whole, never half used. */
#include "facts_json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const val_kinds[] = {
	[SOVA_VAL_UNKNOWN] = "unknown", [SOVA_VAL_FUNC] = "func",   [SOVA_VAL_LOCAL] = "local",
	[SOVA_VAL_PARAM] = "param",     [SOVA_VAL_GLOBAL] = "global", [SOVA_VAL_FIELD] = "field",
	[SOVA_VAL_CALL] = "call",       [SOVA_VAL_INT] = "int",     [SOVA_VAL_STRING] = "string",
};

/* A JSON number holds integers exactly up to 2^53; larger constants (LONG_MAX
 * in a flag test) are written as decimal strings, so that they read back
 * exactly and a cached run reports what a fresh one does. */
#define EXACT_IN_DOUBLE 9007199254740992L

static void add_long(cJSON *o, const char *key, long n)
{
	if (n >= -EXACT_IN_DOUBLE && n <= EXACT_IN_DOUBLE) {
		cJSON_AddNumberToObject(o, key, (double)n);
		return;
	}
	char text[32];
	snprintf(text, sizeof(text), "%ld", n);
	cJSON_AddStringToObject(o, key, text);
}

static cJSON *val_json(const struct sova_val *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "kind", val_kinds[v->kind]);
	if (v->usr)
		cJSON_AddStringToObject(o, "usr", v->usr);
	if (v->name)
		cJSON_AddStringToObject(o, "name", v->name);
	if (v->kind == SOVA_VAL_PARAM || v->kind == SOVA_VAL_CALL || v->kind == SOVA_VAL_INT)
		add_long(o, "num", v->num);
	if (v->element)
		cJSON_AddTrueToObject(o, "element");
	if (v->address)
		cJSON_AddTrueToObject(o, "address");
	if (v->path)
		cJSON_AddStringToObject(o, "path", v->path);
	if (v->member)
		cJSON_AddStringToObject(o, "member", v->member);
	if (v->param_type)
		cJSON_AddStringToObject(o, "param_type", v->param_type);
	return o;
}

/* [param, "==" or "!=" ("&==", "&!=" with a mask; "<", ">=" for an order
 * test), value, path or null, mask] */
static const char *cond_op(const struct sova_cond *cond)
{
	if (cond->rel == SOVA_COND_LESS)
		return cond->equal ? "<" : ">=";
	if (cond->mask)
		return cond->equal ? "&==" : "&!=";
	return cond->equal ? "==" : "!=";
}

static cJSON *cond_json(const struct sova_cond *cond)
{
	cJSON *t = cJSON_CreateArray();
	cJSON_AddItemToArray(t, cJSON_CreateNumber(cond->param));
	cJSON_AddItemToArray(t, cJSON_CreateString(cond_op(cond)));
	cJSON_AddItemToArray(t, cJSON_CreateNumber((double)cond->value));
	if (cond->path)
		cJSON_AddItemToArray(t, cJSON_CreateString(cond->path));
	else if (cond->mask)
		cJSON_AddItemToArray(t, cJSON_CreateNull());
	if (cond->mask)
		cJSON_AddItemToArray(t, cJSON_CreateNumber((double)cond->mask));
	return t;
}

static cJSON *loc_json(const struct sova_loc *l)
{
	cJSON *a = cJSON_CreateArray();
	const double parts[] = { l->file, l->line, l->col, l->end_line, l->end_col };
	for (size_t i = 0; i < 5; i++)
		cJSON_AddItemToArray(a, cJSON_CreateNumber(parts[i]));
	return a;
}

static cJSON *strings_json(const char *const *s, size_t n)
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
	if (c->callee_object.kind != SOVA_VAL_UNKNOWN)
		cJSON_AddItemToObject(o, "callee_object", val_json(&c->callee_object));
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
	if (c->nconds) {
		cJSON *conds = cJSON_CreateArray();
		for (size_t i = 0; i < c->nconds; i++)
			cJSON_AddItemToArray(conds, cond_json(&c->conds[i]));
		cJSON_AddItemToObject(o, "conds", conds);
	}
	if (c->nderived_args) {
		cJSON *tests = cJSON_CreateArray();
		for (size_t i = 0; i < c->nderived_args; i++) {
			const struct sova_derived_arg *at = &c->derived_args[i];
			cJSON *t = cJSON_CreateArray();
			cJSON_AddItemToArray(t, cJSON_CreateNumber(at->arg));
			cJSON_AddItemToArray(t, cJSON_CreateString(at->keep_bits ? "bits" : "truth"));
			cJSON_AddItemToArray(t, cond_json(&at->cond));
			cJSON_AddItemToArray(tests, t);
		}
		cJSON_AddItemToObject(o, "derived_args", tests);
	}
	if (c->nentry_conds) {
		cJSON *either = cJSON_CreateArray();
		for (size_t i = 0; i < c->nentry_conds; i++) {
			cJSON *pair = cJSON_CreateArray();
			cJSON_AddItemToArray(pair, cond_json(&c->entry_conds[i].a));
			cJSON_AddItemToArray(pair, cond_json(&c->entry_conds[i].b));
			cJSON_AddItemToArray(either, pair);
		}
		cJSON_AddItemToObject(o, "entry_conds", either);
	}
	if (c->narg_conds) {
		cJSON *fields = cJSON_CreateArray();
		for (size_t i = 0; i < c->narg_conds; i++)
			cJSON_AddItemToArray(fields, cond_json(&c->arg_conds[i]));
		cJSON_AddItemToObject(o, "arg_conds", fields);
	}
	if (c->narg_equals) {
		cJSON *equals = cJSON_CreateArray();
		for (size_t i = 0; i < c->narg_equals; i++) {
			cJSON *pair = cJSON_CreateArray();
			cJSON_AddItemToArray(pair, cJSON_CreateNumber(c->arg_equals[i].arg));
			cJSON_AddItemToArray(pair, cJSON_CreateNumber(c->arg_equals[i].test));
			cJSON_AddItemToArray(pair, val_json(&c->arg_equals[i].value));
			cJSON_AddItemToArray(equals, pair);
		}
		cJSON_AddItemToObject(o, "arg_equals", equals);
	}
	if (c->dies_at)
		cJSON_AddNumberToObject(o, "dies_at", c->dies_at);
	if (c->stmt)
		cJSON_AddNumberToObject(o, "stmt", c->stmt);
	if (c->unconditional)
		cJSON_AddBoolToObject(o, "unconditional", 1);
	if (c->nloop_reads) {
		cJSON *reads = cJSON_CreateArray();
		for (size_t i = 0; i < c->nloop_reads; i++)
			cJSON_AddItemToArray(reads, val_json(&c->loop_reads[i]));
		cJSON_AddItemToObject(o, "loop_reads", reads);
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
		if (a[i].or_bits)
			cJSON_AddBoolToObject(o, "or_bits", 1);
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
	if (f->ends_with)
		cJSON_AddNumberToObject(o, "ends_with", (double)f->ends_with);
	if (f->plain_prefix)
		cJSON_AddNumberToObject(o, "plain_prefix", f->plain_prefix);
	if (f->jumps)
		cJSON_AddBoolToObject(o, "jumps", 1);
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
	cJSON *diags = cJSON_CreateArray();
	for (size_t i = 0; i < facts->ndiags; i++) {
		const struct sova_diag *d = &facts->diags[i];
		cJSON *j = cJSON_CreateObject();
		cJSON_AddNumberToObject(j, "level", d->level);
		if (d->file)
			cJSON_AddStringToObject(j, "file", d->file);
		cJSON_AddNumberToObject(j, "line", d->line);
		cJSON_AddNumberToObject(j, "col", d->col);
		cJSON_AddStringToObject(j, "message", d->message);
		cJSON_AddItemToArray(diags, j);
	}
	cJSON_AddItemToObject(o, "diagnostics", diags);
	cJSON *markers = cJSON_CreateArray();
	for (size_t i = 0; i < facts->nmarkers; i++) {
		cJSON *m = cJSON_CreateArray();
		cJSON_AddItemToArray(m, cJSON_CreateNumber(facts->markers[i].file));
		cJSON_AddItemToArray(m, cJSON_CreateNumber(facts->markers[i].line));
		cJSON_AddItemToArray(m, cJSON_CreateString(facts->markers[i].text));
		cJSON_AddItemToArray(markers, m);
	}
	cJSON_AddItemToObject(o, "markers", markers);
	return o;
}

/* ---- reading ---- */

/* A reader notes the first thing wrong and then does nothing more. */
struct reader {
	int bad;
	struct sova_strpool *strings; /* of the facts being read */
};

static const cJSON *member(struct reader *r, const cJSON *o, const char *key, int required)
{
	const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	if (!v && required)
		r->bad = 1;
	return v;
}

static const char *read_raw_str(struct reader *r, const cJSON *o, const char *key, int required)
{
	const cJSON *v = member(r, o, key, required);
	if (!v)
		return NULL;
	if (!cJSON_IsString(v)) {
		r->bad = 1;
		return NULL;
	}
	return v->valuestring;
}

static const char *read_str(struct reader *r, const cJSON *o, const char *key, int required)
{
	return sova_strpool_add(r->strings, read_raw_str(r, o, key, required));
}

/* A JSON number as a long: an integer written exactly (see add_long()), as
 * a number up to 2^53 or as a decimal string beyond. */
static int to_long(const cJSON *v, long *out)
{
	if (cJSON_IsString(v)) {
		char *end;
		errno = 0;
		long n = strtol(v->valuestring, &end, 10);
		if (errno || end == v->valuestring || *end || (n >= -EXACT_IN_DOUBLE && n <= EXACT_IN_DOUBLE))
			return 0;
		*out = n;
		return 1;
	}
	if (!cJSON_IsNumber(v))
		return 0;
	double d = v->valuedouble;
	if (!(d >= (double)-EXACT_IN_DOUBLE && d <= (double)EXACT_IN_DOUBLE) || d != (double)(long)d)
		return 0;
	*out = (long)d;
	return 1;
}

static long read_num(struct reader *r, const cJSON *o, const char *key, int required)
{
	const cJSON *v = member(r, o, key, required);
	long n = 0;
	if (v && !to_long(v, &n))
		r->bad = 1;
	return n;
}

static int read_bool(struct reader *r, const cJSON *o, const char *key)
{
	const cJSON *v = member(r, o, key, 0);
	if (v && !cJSON_IsBool(v))
		r->bad = 1;
	return v && cJSON_IsTrue(v);
}

/* An optional number from min to INT_MAX at key: 0 when absent, and bad
 * (0) when out of range. */
static long read_optional_num(struct reader *r, const cJSON *o, const char *key, long min)
{
	long n = member(r, o, key, 0) ? read_num(r, o, key, 1) : 0;
	if (n < min || n > 0x7fffffffL) {
		r->bad = 1;
		return 0;
	}
	return n;
}

/* The array at key, or NULL (bad when required or not an array). */
static const cJSON *read_array(struct reader *r, const cJSON *o, const char *key, int required)
{
	const cJSON *v = member(r, o, key, required);
	if (v && !cJSON_IsArray(v)) {
		r->bad = 1;
		return NULL;
	}
	return v;
}

static void read_val(struct reader *r, const cJSON *o, struct sova_val *v)
{
	memset(v, 0, sizeof(*v));
	const char *kind = read_raw_str(r, o, "kind", 1);
	for (int k = 0; kind && k <= SOVA_VAL_LAST; k++)
		if (strcmp(kind, val_kinds[k]) == 0)
			v->kind = (enum sova_val_kind)k;
	if (kind && v->kind == SOVA_VAL_UNKNOWN && strcmp(kind, "unknown") != 0)
		r->bad = 1;
	v->usr = read_str(r, o, "usr", 0);
	v->name = read_str(r, o, "name", 0);
	v->num = read_num(r, o, "num", 0);
	v->element = read_bool(r, o, "element");
	v->address = read_bool(r, o, "address");
	v->path = read_str(r, o, "path", 0);
	v->member = read_str(r, o, "member", 0);
	v->param_type = read_str(r, o, "param_type", 0);
}

static struct sova_loc read_loc(struct reader *r, const cJSON *o, const char *key)
{
	struct sova_loc l = { .file = -1 };
	const cJSON *a = read_array(r, o, key, 1);
	if (!a || cJSON_GetArraySize(a) != 5) {
		r->bad = 1;
		return l;
	}
	long parts[5];
	for (int i = 0; i < 5; i++) {
		long low = i == 0 ? -1 : 0, high = i == 0 ? 0x7fffffffL : 0xffffffffL;
		if (!to_long(cJSON_GetArrayItem(a, i), &parts[i]) || parts[i] < low || parts[i] > high) {
			r->bad = 1;
			return l;
		}
	}
	l = (struct sova_loc){ (int)parts[0], (unsigned)parts[1], (unsigned)parts[2], (unsigned)parts[3],
			       (unsigned)parts[4] };
	return l;
}

static void read_strings(struct reader *r, const cJSON *o, const char *key, const char ***out, size_t *n,
			 size_t *cap)
{
	const cJSON *a = read_array(r, o, key, 0);
	for (const cJSON *s = a ? a->child : NULL; s; s = s->next) {
		if (!cJSON_IsString(s)) {
			r->bad = 1;
			return;
		}
		SOVA_PUSH(*out, *n, *cap, sova_strpool_add(r->strings, s->valuestring));
	}
}

/* One cond, as cond_json writes it; 0 when t is not one. */
static int read_cond(struct reader *r, const cJSON *t, struct sova_cond *cond)
{
	const cJSON *param = cJSON_GetArrayItem(t, 0), *op = cJSON_GetArrayItem(t, 1);
	const cJSON *path = cJSON_GetArrayItem(t, 3);
	long index, value, mask = 0;
	int n = cJSON_IsArray(t) ? cJSON_GetArraySize(t) : 0;
	const char *o = cJSON_IsString(op) ? op->valuestring : "";
	int masked = o[0] == '&';
	if (masked)
		o++;
	int less = !masked && (strcmp(o, "<") == 0 || strcmp(o, ">=") == 0);
	if ((masked ? n != 5 : n != 3 && n != 4) || (path && !cJSON_IsString(path) && !(masked && cJSON_IsNull(path))) ||
	    !to_long(param, &index) || index < 0 || index > 0x7fffffffL ||
	    (strcmp(o, "==") != 0 && strcmp(o, "!=") != 0 && !less) || !to_long(cJSON_GetArrayItem(t, 2), &value) ||
	    (masked && (!to_long(cJSON_GetArrayItem(t, 4), &mask) || mask == 0)))
		return 0;
	*cond = (struct sova_cond){ (int)index,
				    cJSON_IsString(path) ? sova_strpool_add(r->strings, path->valuestring) : NULL,
				    strcmp(o, "==") == 0 || strcmp(o, "<") == 0, value, mask,
				    less ? SOVA_COND_LESS : SOVA_COND_EQUALS };
	return 1;
}

/* "conds" and "arg_conds": [cond, ...] */
static void read_cond_list(struct reader *r, const cJSON *list, struct sova_cond **out, size_t *n)
{
	size_t cap = 0;
	for (const cJSON *t = list ? list->child : NULL; t && !r->bad; t = t->next) {
		struct sova_cond cond;
		if (!read_cond(r, t, &cond)) {
			r->bad = 1;
			return;
		}
		SOVA_PUSH(*out, *n, cap, cond);
	}
}

/* "entry_conds": [[cond, cond], ...] */
static void read_entry_conds(struct reader *r, const cJSON *pairs, struct sova_call *c)
{
	size_t cap = 0;
	for (const cJSON *t = pairs ? pairs->child : NULL; t && !r->bad; t = t->next) {
		struct sova_either either;
		if (!cJSON_IsArray(t) || cJSON_GetArraySize(t) != 2 || !read_cond(r, cJSON_GetArrayItem(t, 0), &either.a) ||
		    !read_cond(r, cJSON_GetArrayItem(t, 1), &either.b)) {
			r->bad = 1;
			return;
		}
		SOVA_PUSH(c->entry_conds, c->nentry_conds, cap, either);
	}
}

/* "derived_args": [[arg, "truth" or "bits", cond], ...] */
static void read_derived_args(struct reader *r, const cJSON *tests, struct sova_call *c)
{
	size_t cap = 0;
	for (const cJSON *t = tests ? tests->child : NULL; t && !r->bad; t = t->next) {
		const cJSON *form = cJSON_GetArrayItem(t, 1);
		struct sova_derived_arg at = { 0 };
		long arg;
		if (!cJSON_IsArray(t) || cJSON_GetArraySize(t) != 3 || !to_long(cJSON_GetArrayItem(t, 0), &arg) ||
		    arg < 0 || arg > 0x7fffffffL || !cJSON_IsString(form) ||
		    (strcmp(form->valuestring, "truth") != 0 && strcmp(form->valuestring, "bits") != 0) ||
		    !read_cond(r, cJSON_GetArrayItem(t, 2), &at.cond)) {
			r->bad = 1;
			return;
		}
		at.arg = (int)arg;
		at.keep_bits = strcmp(form->valuestring, "bits") == 0;
		SOVA_PUSH(c->derived_args, c->nderived_args, cap, at);
	}
}

/* "arg_equals": [[arg, test, val], ...] */
static void read_arg_equals(struct reader *r, const cJSON *triples, struct sova_call *c)
{
	size_t cap = 0;
	for (const cJSON *t = triples ? triples->child : NULL; t && !r->bad; t = t->next) {
		long arg, test;
		if (!cJSON_IsArray(t) || cJSON_GetArraySize(t) != 3 || !to_long(cJSON_GetArrayItem(t, 0), &arg) ||
		    arg < 0 || arg > 0x7fffffffL || !to_long(cJSON_GetArrayItem(t, 1), &test) || test < 0 ||
		    test > 0x7fffffffL) {
			r->bad = 1;
			return;
		}
		SOVA_GROW(c->arg_equals, c->narg_equals, cap);
		struct sova_arg_equal *at = &c->arg_equals[c->narg_equals++];
		at->arg = (int)arg;
		at->test = (int)test;
		read_val(r, cJSON_GetArrayItem(t, 2), &at->value);
	}
}

static void read_call(struct reader *r, const cJSON *o, struct sova_call *c)
{
	memset(c, 0, sizeof(*c));
	c->loc = read_loc(r, o, "loc");
	c->callee_usr = read_str(r, o, "callee_usr", 0);
	c->callee_name = read_str(r, o, "callee_name", 1);
	const cJSON *callee = member(r, o, "callee", 0);
	if (callee)
		read_val(r, callee, &c->callee);
	const cJSON *object = member(r, o, "callee_object", 0);
	if (object)
		read_val(r, object, &c->callee_object);
	c->returns = read_str(r, o, "returns", 0);
	const cJSON *args = read_array(r, o, "args", 1);
	int nargs = args ? cJSON_GetArraySize(args) : 0;
	c->args = sova_xcalloc((size_t)nargs + 1, sizeof(*c->args));
	for (const cJSON *a = args ? args->child : NULL; a; a = a->next)
		read_val(r, a, &c->args[c->nargs++]);
	const cJSON *guards = read_array(r, o, "guards", 0);
	size_t cap = 0;
	for (const cJSON *g = guards ? guards->child : NULL; g; g = g->next) {
		long guard;
		if (!to_long(g, &guard) || guard < -0x7fffffffL || guard > 0x7fffffffL) {
			r->bad = 1;
			return;
		}
		SOVA_PUSH(c->guards, c->nguards, cap, (int)guard);
	}
	read_cond_list(r, read_array(r, o, "conds", 0), &c->conds, &c->nconds);
	read_derived_args(r, read_array(r, o, "derived_args", 0), c);
	read_entry_conds(r, read_array(r, o, "entry_conds", 0), c);
	read_cond_list(r, read_array(r, o, "arg_conds", 0), &c->arg_conds, &c->narg_conds);
	read_arg_equals(r, read_array(r, o, "arg_equals", 0), c);
	c->dies_at = (int)read_optional_num(r, o, "dies_at", SOVA_DIES_SPINNING);
	c->stmt = (unsigned)read_optional_num(r, o, "stmt", 0);
	c->unconditional = read_bool(r, o, "unconditional");
	const cJSON *reads = read_array(r, o, "loop_reads", 0);
	size_t capreads = 0;
	for (const cJSON *v = reads ? reads->child : NULL; v && !r->bad; v = v->next) {
		SOVA_GROW(c->loop_reads, c->nloop_reads, capreads);
		read_val(r, v, &c->loop_reads[c->nloop_reads++]);
	}
}

static void read_assigns(struct reader *r, const cJSON *a, struct sova_assign **out, size_t *n, size_t *cap)
{
	for (const cJSON *o = a ? a->child : NULL; o && !r->bad; o = o->next) {
		struct sova_assign as;
		memset(&as, 0, sizeof(as));
		read_val(r, member(r, o, "target", 1), &as.target);
		read_val(r, member(r, o, "value", 1), &as.value);
		const cJSON *object = member(r, o, "object", 0);
		if (object)
			read_val(r, object, &as.object);
		long seq = read_num(r, o, "seq", 1);
		if (seq < 0 || seq > 0x7fffffffL)
			r->bad = 1;
		as.seq = (unsigned)seq;
		const cJSON *or_bits = member(r, o, "or_bits", 0);
		if (or_bits && !cJSON_IsBool(or_bits))
			r->bad = 1;
		as.or_bits = cJSON_IsTrue(or_bits);
		SOVA_PUSH(*out, *n, *cap, as);
	}
}

static void read_func(struct reader *r, const cJSON *o, struct sova_func *f)
{
	memset(f, 0, sizeof(*f));
	f->usr = read_str(r, o, "usr", 1);
	f->name = read_str(r, o, "name", 1);
	f->loc = read_loc(r, o, "loc");
	f->external = read_bool(r, o, "external");
	read_strings(r, o, "annotations", &f->annotations, &f->nannotations, &f->capannotations);
	const cJSON *calls = read_array(r, o, "calls", 1);
	for (const cJSON *c = calls ? calls->child : NULL; c && !r->bad; c = c->next) {
		SOVA_GROW(f->calls, f->ncalls, f->capcalls);
		read_call(r, c, &f->calls[f->ncalls]);
		f->ncalls++;
	}
	read_assigns(r, read_array(r, o, "assigns", 1), &f->assigns, &f->nassigns, &f->capassigns);
	const cJSON *returns = read_array(r, o, "returns", 1);
	for (const cJSON *v = returns ? returns->child : NULL; v && !r->bad; v = v->next) {
		SOVA_GROW(f->returns, f->nreturns, f->capreturns);
		read_val(r, v, &f->returns[f->nreturns++]);
	}
	f->ends_with = (size_t)read_optional_num(r, o, "ends_with", 0);
	f->plain_prefix = (unsigned)read_optional_num(r, o, "plain_prefix", 0);
	f->jumps = read_bool(r, o, "jumps");
}

static void read_decls(struct reader *r, const cJSON *a, struct sova_tu_facts *facts)
{
	for (const cJSON *o = a ? a->child : NULL; o && !r->bad; o = o->next) {
		struct sova_decl d;
		memset(&d, 0, sizeof(d));
		d.usr = read_str(r, o, "usr", 1);
		d.name = read_str(r, o, "name", 1);
		read_strings(r, o, "annotations", &d.annotations, &d.nannotations, &d.capannotations);
		SOVA_PUSH(facts->decls, facts->ndecls, facts->capdecls, d);
	}
}

static void read_diags(struct reader *r, const cJSON *a, struct sova_tu_facts *facts)
{
	for (const cJSON *o = a ? a->child : NULL; o && !r->bad; o = o->next) {
		long level = read_num(r, o, "level", 1), line = read_num(r, o, "line", 1), col = read_num(r, o, "col", 1);
		const char *file = read_raw_str(r, o, "file", 0);
		const char *message = read_raw_str(r, o, "message", 1);
		if (level < SOVA_DIAG_NOTE || level > SOVA_DIAG_ERROR || line < 0 || col < 0 || line > 0xffffffffL ||
		    col > 0xffffffffL)
			r->bad = 1;
		if (!r->bad)
			sova_tu_add_diag(facts, (enum sova_diag_level)level, file, (unsigned)line, (unsigned)col, message);
	}
}

/* [file, line, text] triples; absent in summaries that have none. */
static void read_markers(struct reader *r, const cJSON *a, struct sova_tu_facts *facts)
{
	for (const cJSON *m = a ? a->child : NULL; m && !r->bad; m = m->next) {
		long file, line;
		const cJSON *text = cJSON_GetArrayItem(m, 2);
		if (!cJSON_IsArray(m) || cJSON_GetArraySize(m) != 3 || !to_long(cJSON_GetArrayItem(m, 0), &file) ||
		    !to_long(cJSON_GetArrayItem(m, 1), &line) || !cJSON_IsString(text) || file < 0 || file > 0x7fffffffL ||
		    line < 0 || line > 0xffffffffL) {
			r->bad = 1;
			return;
		}
		struct sova_marker marker = { (int)file, (unsigned)line, sova_strpool_add(r->strings, text->valuestring) };
		SOVA_PUSH(facts->markers, facts->nmarkers, facts->capmarkers, marker);
	}
}

int sova_facts_from_json(const cJSON *json, struct sova_tu_facts *facts)
{
	memset(facts, 0, sizeof(*facts));
	struct reader r = { 0, &facts->strings };
	if (!cJSON_IsObject(json)) {
		return -1;
	}
	facts->main_file = read_str(&r, json, "main_file", 1);
	facts->failed = read_bool(&r, json, "failed");
	read_strings(&r, json, "files", &facts->files, &facts->nfiles, &facts->capfiles);
	read_strings(&r, json, "includes", &facts->includes, &facts->nincludes, &facts->capincludes);
	const cJSON *funcs = read_array(&r, json, "functions", 1);
	for (const cJSON *f = funcs ? funcs->child : NULL; f && !r.bad; f = f->next) {
		SOVA_GROW(facts->funcs, facts->nfuncs, facts->capfuncs);
		read_func(&r, f, &facts->funcs[facts->nfuncs++]);
	}
	read_assigns(&r, read_array(&r, json, "globals", 1), &facts->globals, &facts->nglobals, &facts->capglobals);
	read_decls(&r, read_array(&r, json, "declarations", 1), facts);
	read_diags(&r, read_array(&r, json, "diagnostics", 0), facts);
	read_markers(&r, read_array(&r, json, "markers", 0), facts);
	if (r.bad || sova_tu_facts_check(facts) != 0) {
		sova_tu_facts_free(facts);
		return -1;
	}
	/* As a parsed TU is: its arrays in the pool, the interning index gone
	 * (16 KB a TU, most of a linked run's memory otherwise). */
	sova_tu_facts_seal(facts);
	return 0;
}
