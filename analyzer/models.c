/* models.c - loading and validating API model files (rules/models/<name>.json).
 *
 * The format is documented in docs/models.md. Validation is strict: an
 * unknown key or a value of the wrong type is an error with path, line and
 * column, because a silently ignored typo would silently lose findings. */
#include "models.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"

enum field_type {
	FIELD_NAME,
	FIELD_INDEX,
	FIELD_BOOL,
	FIELD_KIND,
	FIELD_CONTEXT,
	FIELD_WHEN,
	FIELD_KIND_WHEN,
	FIELD_BLOCKS_ON,
	FIELD_MORE_WORK,
	FIELD_WOKEN_BY,
	FIELD_SHARED,
};

struct field_spec {
	const char *key;
	enum field_type type;
	size_t offset;
	int required;
};

struct section_spec {
	const char *name;
	enum sova_api_role role;
	const struct field_spec *fields;
};

#define FIELD(key, type, member, required) { key, type, offsetof(struct sova_api_fn, member), required }
#define FIELDS_END { NULL, FIELD_NAME, 0, 0 }

static const struct field_spec submit_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("when", FIELD_WHEN, when, 0),
	FIELD("executor_arg", FIELD_INDEX, executor_arg, 0),
	FIELD("work_arg", FIELD_INDEX, work_arg, 0),
	FIELD("context_arg", FIELD_INDEX, context_arg, 0),
	FIELD("context_param", FIELD_INDEX, context_param, 0),
	FIELD("future_arg", FIELD_INDEX, future_arg, 0),
	FIELD("handle_arg", FIELD_INDEX, handle_arg, 0),
	FIELD("more_work", FIELD_MORE_WORK, more_work, 0),
	FIELD("returns_future", FIELD_BOOL, returns_future, 0),
	FIELD("waits", FIELD_BOOL, waits, 0),
	FIELD("context", FIELD_CONTEXT, context, 0),
	FIELD("implicit_executor", FIELD_NAME, implicit_executor, 0),
	FIELD("implicit_kind", FIELD_KIND, implicit_kind, 0),
	FIELD("grows_for_nested", FIELD_BOOL, grows_for_nested, 0),
	FIELDS_END,
};

static const struct field_spec wait_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("when", FIELD_WHEN, when, 0),
	FIELD("future_arg", FIELD_INDEX, future_arg, 0),
	FIELD("bounded", FIELD_BOOL, bounded, 0),
	FIELD("joins_array", FIELD_BOOL, joins_array, 0),
	FIELD("drains", FIELD_BOOL, drains, 0),
	FIELD("implicit_executor", FIELD_NAME, implicit_executor, 0),
	FIELD("implicit_kind", FIELD_KIND, implicit_kind, 0),
	FIELDS_END,
};

static const struct field_spec ready_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("future_arg", FIELD_INDEX, future_arg, 1),
	FIELDS_END,
};

static const struct field_spec executor_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("kind", FIELD_KIND, kind, 1),
	FIELD("kind_when", FIELD_KIND_WHEN, kind_when, 0),
	FIELD("out_arg", FIELD_INDEX, out_arg, 0),
	FIELDS_END,
};

static const struct field_spec blocking_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("when", FIELD_WHEN, when, 0),
	FIELD("bounded", FIELD_BOOL, bounded, 0),
	FIELD("blocks_on", FIELD_BLOCKS_ON, blocks_on, 0),
	FIELD("handle_arg", FIELD_INDEX, handle_arg, 0), /* joins: the thread joined */
	FIELD("object_arg", FIELD_INDEX, object_arg, 0),
	FIELD("woken_by", FIELD_WOKEN_BY, woken_by, 0),
	FIELD("iterates", FIELD_BOOL, iterates, 0),
	FIELD("ready_arg", FIELD_INDEX, ready_arg, 0),
	FIELD("exists_in_callbacks_of", FIELD_SHARED, shared_by, 0),
	FIELDS_END,
};

static const struct field_spec readiness_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("object_arg", FIELD_INDEX, object_arg, 1),
	FIELD("when", FIELD_WHEN, when, 0),
	FIELD("watches", FIELD_BOOL, watches, 0),
	FIELD("tests", FIELD_BOOL, tests, 0),
	FIELD("ready_param", FIELD_INDEX, ready_param, 0),
	FIELDS_END,
};

static const struct field_spec thread_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("work_arg", FIELD_INDEX, work_arg, 1),
	FIELD("handle_arg", FIELD_INDEX, handle_arg, 0),
	FIELD("returns_handle", FIELD_BOOL, returns_handle, 0),
	FIELDS_END,
};

static const struct field_spec context_test_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("context", FIELD_CONTEXT, context, 1),
	FIELDS_END,
};

static const struct field_spec wake_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("handle_arg", FIELD_INDEX, handle_arg, 1),
	FIELDS_END,
};

static const struct field_spec cast_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("returns_arg", FIELD_INDEX, returns_arg, 1),
	FIELDS_END,
};

static const struct field_spec wrapper_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("base_arg", FIELD_INDEX, base_arg, 0),
	FIELD("base_property", FIELD_NAME, base_property, 0),
	FIELDS_END,
};

static const struct field_spec list_add_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("list_arg", FIELD_INDEX, object_arg, 1),
	FIELD("element_arg", FIELD_INDEX, element_arg, 1),
	FIELDS_END,
};

static const struct field_spec list_keep_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("list_arg", FIELD_INDEX, object_arg, 1),
	FIELDS_END,
};

static const struct field_spec visitor_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("work_arg", FIELD_INDEX, work_arg, 1),
	FIELD("context_arg", FIELD_INDEX, context_arg, 1),
	FIELD("element_param", FIELD_INDEX, element_param, 1),
	FIELD("context_param", FIELD_INDEX, context_param, 1),
	FIELDS_END,
};

/* Entries that name a function and nothing else: lookups, exhaustible,
 * nonblocking, noreturn_not_fatal. */
static const struct field_spec lookup_fields_spec[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELDS_END,
};

static const struct field_spec promise_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("promise_arg", FIELD_INDEX, promise_arg, 1),
	FIELDS_END,
};

static const struct section_spec sections[] = {
	{ "submit", SOVA_API_SUBMIT, submit_fields },
	{ "continuations", SOVA_API_CONTINUATION, submit_fields },
	{ "waits", SOVA_API_WAIT, wait_fields },
	{ "ready_checks", SOVA_API_READY_CHECK, ready_fields },
	{ "executors", SOVA_API_EXECUTOR, executor_fields },
	{ "blocking", SOVA_API_BLOCKING, blocking_fields },
	{ "lookups", SOVA_API_LOOKUP, lookup_fields_spec },
	{ "exhaustible", SOVA_API_EXHAUSTIBLE, lookup_fields_spec },
	{ "nonblocking", SOVA_API_NONBLOCKING, lookup_fields_spec },
	{ "noreturn_not_fatal", SOVA_API_NORETURN_NOT_FATAL, lookup_fields_spec },
	{ "promises", SOVA_API_PROMISE_FUTURE, promise_fields },
	{ "completions", SOVA_API_COMPLETE, promise_fields },
	{ "threads", SOVA_API_THREAD_START, thread_fields },
	{ "wakes", SOVA_API_WAKE, wake_fields },
	{ "context_tests", SOVA_API_CONTEXT_TEST, context_test_fields },
	{ "readiness", SOVA_API_READINESS, readiness_fields },
	{ "casts", SOVA_API_CAST, cast_fields },
	{ "wrappers", SOVA_API_WRAPPER, wrapper_fields },
	{ "list_adds", SOVA_API_LIST_ADD, list_add_fields },
	{ "list_keeps", SOVA_API_LIST_KEEP, list_keep_fields },
	{ "visitors", SOVA_API_VISIT, visitor_fields },
};

#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

void sova_models_init(struct sova_models *models)
{
	memset(models, 0, sizeof(*models));
	sova_strmap_init(&models->by_function);
}

static void when_free(struct sova_when *when)
{
	sova_free_strings(when->names, when->nnames);
	free(when->field);
}

static void api_fn_free(struct sova_api_fn *fn)
{
	free(fn->function);
	free(fn->implicit_executor);
	free(fn->base_property);
	free(fn->implicit_usr);
	when_free(&fn->when);
	when_free(&fn->kind_when);
	sova_free_strings(fn->woken_by, fn->nwoken_by);
	sova_free_strings(fn->shared_by, fn->nshared_by);
}

static void pattern_free(struct sova_blocking_pattern *p)
{
	free(p->prefix);
	free(p->suffix);
	free(p->takes);
	sova_free_strings(p->not_takes, p->nnot_takes);
	sova_free_strings(p->except, p->nexcept);
	api_fn_free(&p->fn);
}

void sova_models_free(struct sova_models *models)
{
	for (size_t i = 0; i < models->nfns; i++)
		api_fn_free(&models->fns[i]);
	for (size_t i = 0; i < models->nmodels; i++) {
		free(models->models[i].name);
		sova_free_strings(models->models[i].headers, models->models[i].nheaders);
	}
	for (size_t i = 0; i < models->nannotations; i++)
		free(models->annotations[i].name);
	for (size_t i = 0; i < models->nfields; i++) {
		free(models->fields[i].record);
		free(models->fields[i].field);
		free(models->fields[i].shown);
	}
	for (size_t i = 0; i < models->nlookup_fields; i++) {
		free(models->lookup_fields[i].record);
		free(models->lookup_fields[i].field);
	}
	free(models->lookup_fields);
	for (size_t i = 0; i < models->ncallback_types; i++)
		free(models->callback_types[i].type);
	free(models->callback_types);
	for (size_t i = 0; i < models->nlist_records; i++) {
		free(models->list_records[i].record);
		free(models->list_records[i].element_field);
		free(models->list_records[i].next_field);
	}
	free(models->list_records);
	for (size_t i = 0; i < models->npatterns; i++)
		pattern_free(&models->patterns[i]);
	free(models->patterns);
	sova_free_strings(models->future_types, models->nfuture_types);
	sova_free_strings(models->paths, models->npaths);
	free(models->fns);
	free(models->models);
	free(models->annotations);
	free(models->fields);
	sova_strmap_free(&models->by_function);
	memset(models, 0, sizeof(*models));
}

/* ---- values ---- */

static int parse_kind(const char *s, enum sova_exec_kind *kind)
{
	static const char *const names[] = { [SOVA_EXEC_POOL] = "pool", [SOVA_EXEC_SERIAL] = "serial",
					     [SOVA_EXEC_LOOP] = "loop" };
	for (int k = SOVA_EXEC_POOL; k <= SOVA_EXEC_LOOP; k++) {
		if (strcmp(s, names[k]) == 0) {
			*kind = (enum sova_exec_kind)k;
			return 0;
		}
	}
	return -1;
}

static int parse_context(const char *s, enum sova_context *ctx)
{
	for (int c = SOVA_CTX_POOL; c <= SOVA_CTX_COROUTINE; c++) {
		if (strcmp(s, sova_context_name((enum sova_context)c)) == 0) {
			*ctx = (enum sova_context)c;
			return 0;
		}
	}
	return -1;
}

static int parse_test(const char *s, enum sova_arg_test *test)
{
	static const char *const names[] = { [SOVA_ARG_NULL] = "null", [SOVA_ARG_NONNULL] = "nonnull",
					     [SOVA_ARG_TRUE] = "true", [SOVA_ARG_FALSE] = "false",
					     [SOVA_ARG_NEGATIVE] = "negative" };
	for (int t = SOVA_ARG_NULL; t <= SOVA_ARG_NEGATIVE; t++) {
		if (strcmp(s, names[t]) == 0) {
			*test = (enum sova_arg_test)t;
			return 0;
		}
	}
	return -1;
}

static int read_index(struct sova_json_doc *r, const char *key, const cJSON *v, int *out)
{
	if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 63 || v->valuedouble != (double)v->valueint)
		return sova_json_error(r, "'%s' must be an argument index from 0 to 63", key);
	*out = v->valueint;
	return 0;
}

static const struct {
	const char *key;
	enum sova_arg_test test;
} numeric_tests[] = {
	{ "equals", SOVA_ARG_EQUALS },
	{ "not_equals", SOVA_ARG_NOT_EQUALS },
	{ "bits_clear", SOVA_ARG_BITS_CLEAR },
	{ "unless_bits_set", SOVA_ARG_UNLESS_BITS_SET },
};

static int numeric_test(const char *key)
{
	for (size_t i = 0; i < sizeof(numeric_tests) / sizeof(numeric_tests[0]); i++)
		if (strcmp(key, numeric_tests[i].key) == 0)
			return (int)i;
	return -1;
}

/* One member of a condition: its argument, its test, or (kind_when) the kind made. */
static int read_when_member(struct sova_json_doc *r, const char *key, const cJSON *m, struct sova_when *when,
			    enum sova_exec_kind *kind, int *have)
{
	int numeric = numeric_test(m->string);
	if (strcmp(m->string, "arg") == 0) {
		have[0] = 1;
		return read_index(r, "arg", m, &when->arg);
	}
	if (strcmp(m->string, "is") == 0) {
		have[1]++;
		if (cJSON_IsString(m) && parse_test(m->valuestring, &when->is) == 0)
			return 0;
		return sova_json_error(r, "'is' must be \"null\", \"nonnull\", \"true\", \"false\" or \"negative\"");
	}
	if (numeric >= 0) {
		have[1]++;
		/* Range first: converting a double beyond long's range is undefined. */
		double d = cJSON_IsNumber(m) ? m->valuedouble : 0.5;
		if (!(d >= -9.2e18 && d <= 9.2e18) || d != (double)(long)d)
			return sova_json_error(r, "'%s' must be an integer from -9.2e18 to 9.2e18", m->string);
		when->is = numeric_tests[numeric].test;
		when->value = (long)m->valuedouble;
		return 0;
	}
	if (strcmp(m->string, "made_by") == 0 || strcmp(m->string, "unless_made_by") == 0 ||
	    strcmp(m->string, "unless_global") == 0) {
		have[1]++;
		int global = strcmp(m->string, "unless_global") == 0;
		const char *what = global ? "variable" : "function";
		if (!cJSON_IsArray(m) || !m->child)
			return sova_json_error(r, "'%s' must be a non-empty array of %s names", m->string, what);
		for (const cJSON *f = m->child; f; f = f->next) {
			if (!cJSON_IsString(f) || !f->valuestring[0])
				return sova_json_error(r, "'%s' must hold %s names", m->string, what);
			SOVA_PUSH(when->names, when->nnames, when->capnames, sova_xstrdup(f->valuestring));
		}
		when->is = global ? SOVA_ARG_UNLESS_GLOBAL : m->string[0] == 'm' ? SOVA_ARG_MADE_BY : SOVA_ARG_UNLESS_MADE_BY;
		return 0;
	}
	if (strcmp(m->string, "field") == 0) {
		if (!cJSON_IsString(m) || !m->valuestring[0])
			return sova_json_error(r, "'field' must be a field's name");
		free(when->field);
		when->field = sova_xstrdup(m->valuestring);
		return 0;
	}
	if (kind && strcmp(m->string, "kind") == 0) {
		have[2] = 1;
		if (cJSON_IsString(m) && parse_kind(m->valuestring, kind) == 0)
			return 0;
		return sova_json_error(r, "'kind' must be \"pool\", \"serial\" or \"loop\"");
	}
	return sova_json_error(r, "unknown key '%s' in '%s'", m->string, key);
}

/* {"arg": N, "is": "null"} or {"arg": N, "equals": 2}; kind_when adds "kind". */
static int read_when(struct sova_json_doc *r, const char *key, const cJSON *v, struct sova_when *when,
		     enum sova_exec_kind *kind)
{
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "'%s' must be an object such as {\"arg\": 1, \"is\": \"null\"}", key);
	int have[3] = { 0, 0, 0 };
	for (const cJSON *m = v->child; m; m = m->next) {
		if (sova_json_check_unique(r, v, m))
			return -1;
		sova_json_enter_key(r, m->string);
		int rc = read_when_member(r, key, m, when, kind, have);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	if (!have[0] || have[1] != 1 || (kind && !have[2]))
		return sova_json_error(r, "'%s' needs \"arg\" and one test (\"is\", \"equals\", \"not_equals\", "
					  "\"bits_clear\", \"unless_bits_set\", \"made_by\", \"unless_made_by\" or \"unless_global\")%s",
				       key, kind ? ", and \"kind\"" : "");
	return 0;
}

/* One element of "more_work": {"work_arg": 2, "context_param": 1}. */
static int read_more_work_item(struct sova_json_doc *r, const cJSON *item, struct sova_more_work *w)
{
	if (!cJSON_IsObject(item))
		return sova_json_error(r, "each 'more_work' element must be an object such as "
					  "{\"work_arg\": 2, \"context_param\": 1}");
	w->work_arg = -1;
	w->context_param = 0;
	for (const cJSON *m = item->child; m; m = m->next) {
		if (sova_json_check_unique(r, item, m))
			return -1;
		sova_json_enter_key(r, m->string);
		int rc = strcmp(m->string, "work_arg") == 0	 ? read_index(r, "work_arg", m, &w->work_arg)
			 : strcmp(m->string, "context_param") == 0 ? read_index(r, "context_param", m, &w->context_param)
								   : sova_json_error(r, "unknown key '%s' in a 'more_work' element",
										     m->string);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	if (w->work_arg < 0)
		return sova_json_error(r, "a 'more_work' element lacks required key 'work_arg'");
	return 0;
}

static int read_more_work(struct sova_json_doc *r, const cJSON *v, struct sova_api_fn *fn)
{
	if (!cJSON_IsArray(v) || !v->child)
		return sova_json_error(r, "'more_work' must be a non-empty array");
	int i = 0;
	for (const cJSON *item = v->child; item; item = item->next, i++) {
		if (i == SOVA_MAX_MORE_WORK)
			return sova_json_error(r, "'more_work' holds at most %d callbacks", SOVA_MAX_MORE_WORK);
		sova_json_enter_index(r, i);
		int rc = read_more_work_item(r, item, &fn->more_work[i]);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	fn->nmore_work = i;
	return 0;
}

/* A non-empty array of names: "woken_by": ["pthread_cond_signal", ...]. */
static int read_name_list(struct sova_json_doc *r, const cJSON *v, const char *key, const char *what, char ***out,
			  size_t *n, size_t *cap)
{
	if (!cJSON_IsArray(v) || !v->child)
		return sova_json_error(r, "'%s' must be a non-empty array of %s names", key, what);
	for (const cJSON *f = v->child; f; f = f->next) {
		if (!cJSON_IsString(f) || !f->valuestring[0])
			return sova_json_error(r, "'%s' must hold %s names", key, what);
		SOVA_PUSH(*out, *n, *cap, sova_xstrdup(f->valuestring));
	}
	return 0;
}

static int read_woken_by(struct sova_json_doc *r, const cJSON *v, struct sova_api_fn *fn)
{
	return read_name_list(r, v, "woken_by", "function", &fn->woken_by, &fn->nwoken_by, &fn->capwoken_by);
}

/* "exists_in_callbacks_of": {"functions": [...], "arg": N, "their_arg": M} */
static int read_shared_member(struct sova_json_doc *r, const cJSON *m, struct sova_api_fn *fn)
{
	if (strcmp(m->string, "functions") == 0)
		return read_name_list(r, m, "functions", "function", &fn->shared_by, &fn->nshared_by, &fn->capshared_by);
	if (strcmp(m->string, "arg") == 0)
		return read_index(r, "arg", m, &fn->shared_arg);
	if (strcmp(m->string, "their_arg") == 0)
		return read_index(r, "their_arg", m, &fn->their_arg);
	return sova_json_error(r, "unknown key '%s' in 'exists_in_callbacks_of'; expected functions, arg or their_arg",
			       m->string);
}

static int read_shared(struct sova_json_doc *r, const cJSON *v, struct sova_api_fn *fn)
{
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "'exists_in_callbacks_of' must be an object such as "
					  "{\"functions\": [\"g_bus_get\"], \"arg\": 0, \"their_arg\": 0}");
	for (const cJSON *m = v->child; m; m = m->next) {
		if (sova_json_check_unique(r, v, m))
			return -1;
		sova_json_enter_key(r, m->string);
		int rc = read_shared_member(r, m, fn);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	if (!fn->nshared_by || fn->shared_arg < 0 || fn->their_arg < 0)
		return sova_json_error(r, "'exists_in_callbacks_of' needs \"functions\", \"arg\" and \"their_arg\"");
	return 0;
}

static int read_field(struct sova_json_doc *r, const struct field_spec *f, const cJSON *v, struct sova_api_fn *fn)
{
	char *slot = (char *)fn + f->offset;
	switch (f->type) {
	case FIELD_NAME:
		if (!cJSON_IsString(v) || !v->valuestring[0])
			return sova_json_error(r, "'%s' must be a non-empty string", f->key);
		*(char **)slot = sova_xstrdup(v->valuestring);
		return 0;
	case FIELD_INDEX:
		return read_index(r, f->key, v, (int *)slot);
	case FIELD_BOOL:
		if (!cJSON_IsBool(v))
			return sova_json_error(r, "'%s' must be true or false", f->key);
		*(int *)slot = cJSON_IsTrue(v);
		return 0;
	case FIELD_KIND:
		if (!cJSON_IsString(v) || parse_kind(v->valuestring, (enum sova_exec_kind *)slot) != 0)
			return sova_json_error(r, "'%s' must be \"pool\", \"serial\" or \"loop\"", f->key);
		return 0;
	case FIELD_BLOCKS_ON:
		if (!cJSON_IsString(v) || sova_block_kind_parse(v->valuestring, (enum sova_block_kind *)slot) != 0 ||
		    *(enum sova_block_kind *)slot == SOVA_BLOCK_ASYNC)
			return sova_json_error(r, "'%s' must be \"sleep\", \"join\", \"sync\", \"loop\", \"network\", "
						  "\"subprocess\", \"file\", \"io\" or \"other\"",
					       f->key);
		return 0;
	case FIELD_CONTEXT:
		if (!cJSON_IsString(v) || parse_context(v->valuestring, (enum sova_context *)slot) != 0)
			return sova_json_error(r, "'%s' must be \"pool\", \"serial\", \"loop\", \"aio\" or \"coroutine\"",
					       f->key);
		return 0;
	case FIELD_WHEN:
		return read_when(r, f->key, v, (struct sova_when *)slot, NULL);
	case FIELD_KIND_WHEN:
		return read_when(r, f->key, v, (struct sova_when *)slot, &fn->kind_if);
	case FIELD_MORE_WORK:
		return read_more_work(r, v, fn);
	case FIELD_WOKEN_BY:
		return read_woken_by(r, v, fn);
	case FIELD_SHARED:
		return read_shared(r, v, fn);
	}
	return sova_json_error(r, "internal: unknown field type");
}

/* ---- entries ---- */

static const struct field_spec *find_field(const struct field_spec *fields, const char *key)
{
	for (const struct field_spec *f = fields; f->key; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static void api_fn_defaults(struct sova_api_fn *fn, enum sova_api_role role, int model)
{
	memset(fn, 0, sizeof(*fn));
	fn->role = role;
	fn->model = model;
	fn->executor_arg = fn->work_arg = fn->context_arg = fn->future_arg = fn->handle_arg = fn->out_arg = fn->object_arg = -1;
	fn->ready_arg = fn->ready_param = fn->returns_arg = fn->base_arg = fn->shared_arg = fn->their_arg = -1;
	fn->promise_arg = fn->element_arg = fn->element_param = -1;
	fn->when.arg = fn->kind_when.arg = -1;
	fn->next = -1;
	if (role == SOVA_API_WAIT)
		fn->future_arg = 0;
}

/* Whether the model already has an entry of fn's function and role: a
 * second would silently hide one of them (two "when"s on one function). */
static int listed_already(const struct sova_models *models, const struct sova_api_fn *fn)
{
	for (int i = sova_strmap_get(&models->by_function, fn->function); i >= 0; i = models->fns[i].next)
		if (models->fns[i].role == fn->role && models->fns[i].model == fn->model)
			return 1;
	return 0;
}

/* Adds fn in front of the function's other entries, so that the newest
 * (a user's model) is found first. Entries of other models stay: QEMU's
 * model and GLib's may both know g_usleep, each for the TUs that include
 * its headers. */
static void add_api_fn(struct sova_models *models, struct sova_api_fn *fn)
{
	int head = sova_strmap_get(&models->by_function, fn->function);
	fn->next = head;
	SOVA_PUSH(models->fns, models->nfns, models->capfns, *fn);
	sova_strmap_put(&models->by_function, fn->function, (int)models->nfns - 1);
}

/* An implicit executor stands in for the argument that would name one:
 * a submit's executor, a wait's future. */
static int implicit_complete(struct sova_json_doc *r, const struct section_spec *sec, const cJSON *entry,
			     struct sova_api_fn *fn)
{
	if (!fn->implicit_executor)
		return fn->implicit_kind == SOVA_EXEC_UNKNOWN
			       ? 0
			       : sova_json_error(r, "'implicit_kind' needs \"implicit_executor\" in a '%s' entry", sec->name);
	const char *arg = sec->role == SOVA_API_WAIT ? "future_arg" : "executor_arg";
	if (cJSON_HasObjectItem(entry, arg))
		return sova_json_error(r, "a '%s' entry has either \"%s\" or \"implicit_executor\", not both", sec->name,
				       arg);
	if (sec->role == SOVA_API_WAIT)
		fn->future_arg = -1;
	fn->implicit_usr = sova_xasprintf("c:@%s", fn->implicit_executor);
	return 0;
}

static int entry_complete(struct sova_json_doc *r, const struct section_spec *sec, const cJSON *entry,
			  struct sova_api_fn *fn)
{
	if ((sec->role == SOVA_API_SUBMIT || sec->role == SOVA_API_CONTINUATION) && fn->work_arg < 0 &&
	    fn->handle_arg < 0 && !fn->waits)
		return sova_json_error(r, "'%s' entry needs \"work_arg\", \"handle_arg\" or \"waits\"", sec->name);
	if (fn->grows_for_nested && (!fn->waits || !fn->implicit_executor))
		return sova_json_error(r, "\"grows_for_nested\" in a '%s' entry needs \"waits\": true and "
					  "\"implicit_executor\": it says what a wait from that executor's own threads does",
				       sec->name);
	if (fn->nmore_work && fn->work_arg < 0)
		return sova_json_error(r, "\"more_work\" in a '%s' entry needs \"work_arg\"", sec->name);
	if (sec->role == SOVA_API_THREAD_START && (fn->handle_arg < 0) == !fn->returns_handle)
		return sova_json_error(r, "a 'threads' entry has either \"handle_arg\" or \"returns_handle\": true");
	if (sec->role == SOVA_API_BLOCKING && fn->handle_arg >= 0 && fn->blocks_on != SOVA_BLOCK_JOIN)
		return sova_json_error(r, "\"handle_arg\" in a 'blocking' entry names the thread a join waits for: "
					  "it needs \"blocks_on\": \"join\"");
	if (fn->iterates && fn->blocks_on != SOVA_BLOCK_LOOP)
		return sova_json_error(r, "\"iterates\" in a 'blocking' entry says the call runs a loop's iterations: "
					  "it needs \"blocks_on\": \"loop\"");
	if (sec->role == SOVA_API_WRAPPER && (fn->base_arg >= 0) == (fn->base_property != NULL))
		return sova_json_error(r, "a 'wrappers' entry has either \"base_arg\" or \"base_property\"");
	if (fn->tests && (fn->watches || fn->when.arg >= 0))
		return sova_json_error(r, "\"tests\" in a 'readiness' entry says the call's result tells whether the "
					  "object is ready: it goes with neither \"watches\" nor \"when\"");
	if (sec->role == SOVA_API_READINESS && (fn->ready_param >= 0) != fn->watches)
		return sova_json_error(r, "\"watches\" and \"ready_param\" go together: the source fires when the "
					  "object is ready, and that parameter of its callback receives it");
	int object_is_list = sec->role == SOVA_API_LIST_ADD || sec->role == SOVA_API_LIST_KEEP;
	if (sec->role != SOVA_API_READINESS && !object_is_list && (fn->object_arg >= 0) != (fn->nwoken_by > 0))
		return sova_json_error(r, "\"object_arg\" and \"woken_by\" go together: the object waited on, and the "
					  "functions that end the wait");
	return implicit_complete(r, sec, entry, fn);
}

static int read_entry(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
		      const cJSON *entry, int model)
{
	if (!cJSON_IsObject(entry))
		return sova_json_error(r, "each '%s' entry must be an object", sec->name);
	struct sova_api_fn fn;
	api_fn_defaults(&fn, sec->role, model);
	int rc = 0;
	for (const cJSON *v = entry->child; v && rc == 0; v = v->next) {
		if ((rc = sova_json_check_unique(r, entry, v)) != 0)
			break;
		sova_json_enter_key(r, v->string);
		const struct field_spec *f = find_field(sec->fields, v->string);
		rc = f ? read_field(r, f, v, &fn)
		       : sova_json_error(r, "unknown key '%s' in a '%s' entry", v->string, sec->name);
		sova_json_leave(r);
	}
	for (const struct field_spec *f = sec->fields; f->key && rc == 0; f++)
		if (f->required && !cJSON_HasObjectItem(entry, f->key))
			rc = sova_json_error(r, "'%s' entry lacks required key '%s'", sec->name, f->key);
	if (rc == 0)
		rc = entry_complete(r, sec, entry, &fn);
	if (rc == 0 && listed_already(models, &fn))
		rc = sova_json_error(r, "'%s' has a second '%s' entry in this model: one entry per function, "
				     "its conditions in one \"when\"", fn.function, sec->name);
	if (rc != 0) {
		api_fn_free(&fn);
		return -1;
	}
	add_api_fn(models, &fn);
	return 0;
}

/* Runs read_one on each element of an array member. */
static int read_array(struct sova_json_doc *r, struct sova_models *models, const cJSON *array, const char *what,
		      int model, const struct section_spec *sec,
		      int (*read_one)(struct sova_json_doc *, struct sova_models *, const struct section_spec *,
				      const cJSON *, int))
{
	if (!cJSON_IsArray(array))
		return sova_json_error(r, "'%s' must be an array", what);
	int i = 0;
	for (const cJSON *entry = array->child; entry; entry = entry->next, i++) {
		sova_json_enter_index(r, i);
		int rc = read_one(r, models, sec, entry, model);
		sova_json_leave(r);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int read_string(struct sova_json_doc *r, const cJSON *v, const char *what, char **out)
{
	if (!cJSON_IsString(v) || !v->valuestring[0])
		return sova_json_error(r, "%s must be a non-empty string", what);
	*out = sova_xstrdup(v->valuestring);
	return 0;
}

static int read_future_type(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			    const cJSON *v, int model)
{
	(void)sec;
	(void)model;
	char *name = NULL;
	if (read_string(r, v, "'future_types' entries", &name) != 0)
		return -1;
	SOVA_PUSH(models->future_types, models->nfuture_types, models->capfuture_types, name);
	return 0;
}

static int read_header(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
		       const cJSON *v, int model)
{
	(void)sec;
	char *name = NULL;
	if (read_string(r, v, "'headers' entries", &name) != 0)
		return -1;
	struct sova_model *m = &models->models[model];
	SOVA_PUSH(m->headers, m->nheaders, m->capheaders, name);
	return 0;
}

static int parse_meaning(const char *s, struct sova_annotation_model *a)
{
	if (strcmp(s, "wait") == 0)
		a->means = SOVA_ANN_MEANS_WAIT;
	else if (strcmp(s, "blocking") == 0)
		a->means = SOVA_ANN_MEANS_BLOCKING;
	else if (strcmp(s, "nonblocking") == 0)
		a->means = SOVA_ANN_MEANS_NONBLOCKING;
	else if (strcmp(s, "worker") == 0)
		a->context = SOVA_CTX_POOL;
	else if (parse_context(s, &a->context) != 0)
		return -1;
	return 0;
}

/* Reads the string members of an object into the named slots; all required. */
static int read_named_strings(struct sova_json_doc *r, const cJSON *obj, const char *what, const char *const *keys,
			      const cJSON **values, size_t n)
{
	if (!cJSON_IsObject(obj))
		return sova_json_error(r, "each '%s' entry must be an object", what);
	for (const cJSON *m = obj->child; m; m = m->next) {
		if (sova_json_check_unique(r, obj, m))
			return -1;
		size_t k = 0;
		while (k < n && strcmp(keys[k], m->string) != 0)
			k++;
		sova_json_enter_key(r, m->string);
		int bad = k == n || !cJSON_IsString(m) || !m->valuestring[0];
		if (bad)
			sova_json_error(r, k == n ? "unknown key '%s' in a '%s' entry" : "'%s' in a '%s' entry must be a "
											   "non-empty string",
					m->string, what);
		sova_json_leave(r);
		if (bad)
			return -1;
		values[k] = m;
	}
	for (size_t k = 0; k < n; k++)
		if (!values[k])
			return sova_json_error(r, "'%s' entry lacks required key '%s'", what, keys[k]);
	return 0;
}

static int read_annotation(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			   const cJSON *v, int model)
{
	(void)sec;
	static const char *const keys[] = { "name", "means" };
	const cJSON *values[2] = { NULL, NULL };
	if (read_named_strings(r, v, "annotations", keys, values, 2) != 0)
		return -1;
	struct sova_annotation_model a = { .model = model, .means = SOVA_ANN_MEANS_CONTEXT };
	if (parse_meaning(values[1]->valuestring, &a) != 0) {
		sova_json_enter_key(r, "means");
		return sova_json_error(r, "'means' must be \"worker\", \"pool\", \"serial\", \"loop\", \"aio\", "
					  "\"coroutine\", \"wait\", \"blocking\" or \"nonblocking\"");
	}
	a.name = sova_xstrdup(values[0]->valuestring);
	SOVA_PUSH(models->annotations, models->nannotations, models->capannotations, a);
	return 0;
}

static int read_callback_field(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			       const cJSON *v, int model)
{
	(void)sec;
	static const char *const keys[] = { "record", "field", "context" };
	const cJSON *values[3] = { NULL, NULL, NULL };
	if (read_named_strings(r, v, "callback_fields", keys, values, 3) != 0)
		return -1;
	struct sova_callback_field f = { .model = model };
	if (parse_context(values[2]->valuestring, &f.context) != 0) {
		sova_json_enter_key(r, "context");
		return sova_json_error(r, "'context' must be \"pool\", \"serial\", \"loop\", \"aio\" or \"coroutine\"");
	}
	f.record = sova_xstrdup(values[0]->valuestring);
	f.field = sova_xstrdup(values[1]->valuestring);
	f.shown = sova_xasprintf("'%s' of 'struct %s'", f.field, f.record);
	SOVA_PUSH(models->fields, models->nfields, models->capfields, f);
	return 0;
}

static int read_pattern_string(struct sova_json_doc *r, const cJSON *m, char **out)
{
	if (!cJSON_IsString(m) || !m->valuestring[0])
		return sova_json_error(r, "'%s' must be a non-empty string", m->string);
	free(*out);
	*out = sova_xstrdup(m->valuestring);
	return 0;
}

/* One member of a blocking_patterns entry: its own keys, or a blocking
 * entry's (blocks_on, bounded, when). */
static int read_pattern_member(struct sova_json_doc *r, const cJSON *m, struct sova_blocking_pattern *p)
{
	const char *k = m->string;
	if (strcmp(k, "prefix") == 0)
		return read_pattern_string(r, m, &p->prefix);
	if (strcmp(k, "suffix") == 0)
		return read_pattern_string(r, m, &p->suffix);
	if (strcmp(k, "takes") == 0)
		return read_pattern_string(r, m, &p->takes);
	if (strcmp(k, "not_takes") == 0)
		return read_name_list(r, m, k, "type", &p->not_takes, &p->nnot_takes, &p->capnot_takes);
	if (strcmp(k, "except") == 0)
		return read_name_list(r, m, k, "function", &p->except, &p->nexcept, &p->capexcept);
	const struct field_spec *f = strcmp(k, "function") != 0 && strcmp(k, "handle_arg") != 0 &&
						     strcmp(k, "object_arg") != 0 && strcmp(k, "woken_by") != 0 &&
						     strcmp(k, "iterates") != 0
					     ? find_field(blocking_fields, k)
					     : NULL;
	if (f)
		return read_field(r, f, m, &p->fn);
	return sova_json_error(r, "unknown key '%s' in a 'blocking_patterns' entry", k);
}

/* {"prefix": "g_file_", "takes": "GCancellable", "not_takes": ["GAsyncReadyCallback"], "blocks_on": "file"} */
static int read_blocking_pattern(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
				 const cJSON *v, int model)
{
	(void)sec;
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "each 'blocking_patterns' entry must be an object");
	struct sova_blocking_pattern p = { 0 };
	api_fn_defaults(&p.fn, SOVA_API_BLOCKING, model);
	p.fn.pattern = 1;
	int rc = 0;
	for (const cJSON *m = v->child; m && !rc; m = m->next) {
		rc = sova_json_check_unique(r, v, m);
		if (!rc) {
			sova_json_enter_key(r, m->string);
			rc = read_pattern_member(r, m, &p);
			sova_json_leave(r);
		}
	}
	if (!rc && !p.prefix && !p.suffix)
		rc = sova_json_error(r, "a 'blocking_patterns' entry needs \"prefix\" or \"suffix\"");
	if (rc) {
		pattern_free(&p);
		return -1;
	}
	p.fn.function = sova_xasprintf("%s*%s", p.prefix ? p.prefix : "", p.suffix ? p.suffix : "");
	SOVA_PUSH(models->patterns, models->npatterns, models->cappatterns, p);
	return 0;
}

/* One member of a callback_types entry. */
static int read_callback_type_member(struct sova_json_doc *r, const cJSON *m, struct sova_callback_type *t,
				     const char **type, int *have_context)
{
	if (strcmp(m->string, "type") == 0) {
		if (!cJSON_IsString(m) || !m->valuestring[0])
			return sova_json_error(r, "'type' must be the name of a function-pointer typedef");
		*type = m->valuestring;
		return 0;
	}
	if (strcmp(m->string, "context") == 0) {
		*have_context = 1;
		if (cJSON_IsString(m) && parse_context(m->valuestring, &t->context) == 0)
			return 0;
		return sova_json_error(r, "'context' must be \"pool\", \"serial\", \"loop\", \"aio\" or \"coroutine\"");
	}
	if (strcmp(m->string, "context_param") == 0)
		return read_index(r, "context_param", m, &t->context_param);
	if (strcmp(m->string, "data_offset") == 0)
		return read_index(r, "data_offset", m, &t->data_offset);
	if (strcmp(m->string, "ends_registration") == 0) {
		if (!cJSON_IsBool(m))
			return sova_json_error(r, "'ends_registration' must be true or false");
		t->ends_registration = cJSON_IsTrue(m);
		return 0;
	}
	return sova_json_error(r, "unknown key '%s' in a 'callback_types' entry", m->string);
}

/* {"type": "GAsyncReadyCallback", "context": "loop", "context_param": 2, "data_offset": 1} */
static int read_callback_type(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			      const cJSON *v, int model)
{
	(void)sec;
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "each 'callback_types' entry must be an object");
	struct sova_callback_type t = { .model = model, .context_param = -1, .data_offset = -1 };
	const char *type = NULL;
	int have_context = 0;
	for (const cJSON *m = v->child; m; m = m->next) {
		if (sova_json_check_unique(r, v, m))
			return -1;
		sova_json_enter_key(r, m->string);
		int rc = read_callback_type_member(r, m, &t, &type, &have_context);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	if (!type || !have_context)
		return sova_json_error(r, "a 'callback_types' entry needs \"type\" and \"context\"");
	if ((t.context_param < 0) != (t.data_offset < 0))
		return sova_json_error(r, "\"context_param\" and \"data_offset\" go together: where the data "
					  "argument is after the callback, and which parameter receives it");
	t.type = sova_xstrdup(type);
	SOVA_PUSH(models->callback_types, models->ncallback_types, models->capcallback_types, t);
	return 0;
}

static int read_lookup_field(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			     const cJSON *v, int model)
{
	(void)sec;
	static const char *const keys[] = { "record", "field" };
	const cJSON *values[2] = { NULL, NULL };
	if (read_named_strings(r, v, "lookup_fields", keys, values, 2) != 0)
		return -1;
	struct sova_lookup_field f = { sova_xstrdup(values[0]->valuestring), sova_xstrdup(values[1]->valuestring),
				       model };
	SOVA_PUSH(models->lookup_fields, models->nlookup_fields, models->caplookup_fields, f);
	return 0;
}

static int read_list_record(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			    const cJSON *v, int model)
{
	(void)sec;
	static const char *const keys[] = { "record", "element_field", "next_field" };
	const cJSON *values[3] = { NULL, NULL, NULL };
	if (read_named_strings(r, v, "list_records", keys, values, 3) != 0)
		return -1;
	struct sova_list_record l = { sova_xstrdup(values[0]->valuestring), sova_xstrdup(values[1]->valuestring),
				      sova_xstrdup(values[2]->valuestring), model };
	SOVA_PUSH(models->list_records, models->nlist_records, models->caplist_records, l);
	return 0;
}

static const struct section_spec *find_section(const char *name)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (strcmp(sections[i].name, name) == 0)
			return &sections[i];
	return NULL;
}

static int read_member(struct sova_json_doc *r, struct sova_models *models, const cJSON *v, int model)
{
	const char *key = v->string;
	if (strcmp(key, "model") == 0)
		return 0;
	if (strcmp(key, "description") == 0)
		return cJSON_IsString(v) ? 0 : sova_json_error(r, "'description' must be a string");
	if (strcmp(key, "future_types") == 0)
		return read_array(r, models, v, key, model, NULL, read_future_type);
	if (strcmp(key, "headers") == 0)
		return read_array(r, models, v, key, model, NULL, read_header);
	if (strcmp(key, "annotations") == 0)
		return read_array(r, models, v, key, model, NULL, read_annotation);
	if (strcmp(key, "callback_fields") == 0)
		return read_array(r, models, v, key, model, NULL, read_callback_field);
	if (strcmp(key, "lookup_fields") == 0)
		return read_array(r, models, v, key, model, NULL, read_lookup_field);
	if (strcmp(key, "callback_types") == 0)
		return read_array(r, models, v, key, model, NULL, read_callback_type);
	if (strcmp(key, "list_records") == 0)
		return read_array(r, models, v, key, model, NULL, read_list_record);
	if (strcmp(key, "blocking_patterns") == 0)
		return read_array(r, models, v, key, model, NULL, read_blocking_pattern);
	const struct section_spec *sec = find_section(key);
	if (!sec)
		return sova_json_error(r, "unknown key '%s'; expected model, description, headers, future_types, "
					  "annotations, callback_fields, callback_types, lookup_fields, list_records, submit, continuations, "
					  "waits, ready_checks, executors, blocking, blocking_patterns, lookups, exhaustible, "
					  "nonblocking, noreturn_not_fatal, promises, completions, threads, wakes, context_tests, "
					  "readiness, casts, wrappers, list_adds, list_keeps or visitors",
				       key);
	return read_array(r, models, v, key, model, sec, read_entry);
}

static int read_model(struct sova_json_doc *r, struct sova_models *models, const cJSON *root, int always)
{
	if (!cJSON_IsObject(root))
		return sova_json_error(r, "a model must be a JSON object");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "model");
	if (!cJSON_IsString(name) || !name->valuestring[0]) {
		if (name)
			sova_json_enter_key(r, "model");
		return sova_json_error(r, "a model needs a non-empty string 'model' naming it");
	}
	struct sova_model m = { .name = sova_xstrdup(name->valuestring), .always = always };
	SOVA_PUSH(models->models, models->nmodels, models->capmodels, m);
	int model = (int)models->nmodels - 1;
	for (const cJSON *v = root->child; v; v = v->next) {
		if (sova_json_check_unique(r, root, v))
			return -1;
		sova_json_enter_key(r, v->string);
		int rc = read_member(r, models, v, model);
		sova_json_leave(r);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int sova_models_load_file(struct sova_models *models, const char *path, int always, char *err, size_t errlen)
{
	SOVA_PUSH(models->paths, models->npaths, models->cappaths, sova_xstrdup(path));
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "model", err, errlen);
	if (rc == 0)
		rc = read_model(&doc, models, doc.root, always);
	sova_json_doc_free(&doc);
	return rc;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sova_models_load_dir(struct sova_models *models, const char *dir, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "%s: cannot open the bundled model folder", dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
			SOVA_PUSH(names, n, cap, sova_xasprintf("%s/%s", dir, e->d_name));
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = sova_models_load_file(models, names[i], 0, err, errlen);
		free(names[i]);
	}
	free(names);
	return rc;
}

const struct sova_api_fn *sova_models_lookup(const struct sova_models *models, const char *function)
{
	int i = function ? sova_strmap_get(&models->by_function, function) : -1;
	return i >= 0 ? &models->fns[i] : NULL;
}

int sova_api_woken_by(const struct sova_api_fn *api, const char *callee)
{
	for (size_t i = 0; callee && i < api->nwoken_by; i++)
		if (strcmp(api->woken_by[i], callee) == 0)
			return 1;
	return 0;
}

/* "name", "prefix*" or "*suffix". */
static int name_matches(const char *glob, const char *name)
{
	size_t g = strlen(glob), n = strlen(name);
	if (g && glob[g - 1] == '*')
		return strncmp(glob, name, g - 1) == 0;
	if (g && glob[0] == '*')
		return n >= g - 1 && strcmp(name + n - (g - 1), glob + 1) == 0;
	return strcmp(glob, name) == 0;
}

int sova_pattern_matches_name(const struct sova_blocking_pattern *p, const char *name)
{
	size_t n = strlen(name);
	size_t pre = p->prefix ? strlen(p->prefix) : 0, suf = p->suffix ? strlen(p->suffix) : 0;
	if (n < pre + suf || (pre && strncmp(name, p->prefix, pre) != 0) ||
	    (suf && strcmp(name + n - suf, p->suffix) != 0))
		return 0;
	for (size_t i = 0; i < p->nexcept; i++)
		if (name_matches(p->except[i], name))
			return 0;
	return 1;
}

const struct sova_api_fn *sova_models_lookup_role(const struct sova_models *models, const char *function,
						  enum sova_api_role role)
{
	for (const struct sova_api_fn *fn = sova_models_lookup(models, function); fn;
	     fn = fn->next >= 0 ? &models->fns[fn->next] : NULL)
		if (fn->role == role)
			return fn;
	return NULL;
}

int sova_models_is_future_type(const struct sova_models *models, const char *type_name)
{
	if (!type_name)
		return 0;
	for (size_t i = 0; i < models->nfuture_types; i++)
		if (strcmp(models->future_types[i], type_name) == 0)
			return 1;
	return 0;
}

/* path (n bytes) ends with header at a path-component boundary:
 * "x/nng/nng.h" has "nng/nng.h". */
static int path_has_suffix(const char *path, size_t n, const char *header)
{
	size_t m = strlen(header);
	return n >= m && memcmp(path + n - m, header, m) == 0 && (n == m || path[n - m - 1] == '/');
}

static const char *last_component(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

void sova_include_index_init(struct sova_include_index *index, const char *const *includes, size_t nincludes)
{
	index->includes = includes;
	index->nincludes = nincludes;
	sova_strmap_init(&index->basenames);
	for (size_t i = 0; i < nincludes; i++)
		sova_strmap_put(&index->basenames, last_component(includes[i]), 1);
}

void sova_include_index_free(struct sova_include_index *index)
{
	sova_strmap_free(&index->basenames);
}

int sova_model_active(const struct sova_model *model, const struct sova_include_index *index)
{
	if (model->always || model->nheaders == 0)
		return 1;
	for (size_t h = 0; h < model->nheaders; h++) {
		const char *header = model->headers[h];
		if (sova_strmap_get(&index->basenames, last_component(header)) < 0)
			continue;
		for (size_t i = 0; i < index->nincludes; i++)
			if (path_has_suffix(index->includes[i], strlen(index->includes[i]), header))
				return 1;
	}
	return 0;
}

const char *sova_exec_kind_name(enum sova_exec_kind kind)
{
	switch (kind) {
	case SOVA_EXEC_POOL:
		return "pool";
	case SOVA_EXEC_SERIAL:
		return "serial";
	case SOVA_EXEC_LOOP:
		return "loop";
	default:
		return "unknown";
	}
}

const char *sova_context_name(enum sova_context context)
{
	static const char *const names[] = { [SOVA_CTX_NONE] = "none", [SOVA_CTX_POOL] = "pool",
					     [SOVA_CTX_SERIAL] = "serial", [SOVA_CTX_LOOP] = "loop",
					     [SOVA_CTX_AIO] = "aio", [SOVA_CTX_COROUTINE] = "coroutine" };
	return names[context];
}

void sova_models_add_annotation(struct sova_models *models, const char *model, const char *name,
				enum sova_annotation_meaning means, enum sova_context context)
{
	int index = -1;
	for (size_t i = 0; i < models->nmodels && index < 0; i++)
		if (strcmp(models->models[i].name, model) == 0)
			index = (int)i;
	if (index < 0) {
		struct sova_model m = { .name = sova_xstrdup(model), .always = 1 };
		SOVA_PUSH(models->models, models->nmodels, models->capmodels, m);
		index = (int)models->nmodels - 1;
	}
	struct sova_annotation_model a = { sova_xstrdup(name), index, means, context };
	SOVA_PUSH(models->annotations, models->nannotations, models->capannotations, a);
}

/* A field of an anonymous struct or union inside the record, at any depth:
 * libclang's USR of sd_bus_vtable's x.method.handler is
 * "c:@S@sd_bus_vtable@U@<file>@<offset>@S@<file>@<offset>@FI@handler". */
static int in_anonymous_member_of(const char *usr, const char *record)
{
	size_t n = strlen(record);
	if (strncmp(usr, "c:@S@", 5) != 0 || strncmp(usr + 5, record, n) != 0 || usr[5 + n] != '@')
		return 0;
	const char *rest = usr + 5 + n + 1;
	return (rest[0] == 'U' || rest[0] == 'S') && rest[1] == '@';
}

int sova_models_field_matches(const char *usr, const char *record, const char *field)
{
	const char *fi = usr ? strrchr(usr, '@') : NULL;
	if (!fi || fi - usr < 3 || strncmp(fi - 3, "@FI@", 4) != 0 || strcmp(fi + 1, field) != 0)
		return 0;
	fi -= 3;
	size_t n = strlen(record);
	if (fi - usr >= (long)n + 1 && strncmp(fi - n, record, n) == 0 && fi[-(long)n - 1] == '@')
		return 1;
	return in_anonymous_member_of(usr, record);
}

int sova_models_has_role(const struct sova_models *models, enum sova_api_role role)
{
	for (size_t i = 0; i < models->nfns; i++)
		if (models->fns[i].role == role)
			return 1;
	return 0;
}

static const char *const block_kind_names[SOVA_BLOCK_NKINDS] = {
	[SOVA_BLOCK_OTHER] = "other",	[SOVA_BLOCK_ASYNC] = "async",	  [SOVA_BLOCK_SLEEP] = "sleep",
	[SOVA_BLOCK_JOIN] = "join",	[SOVA_BLOCK_SYNC] = "sync",	  [SOVA_BLOCK_LOOP] = "loop",
	[SOVA_BLOCK_NETWORK] = "network", [SOVA_BLOCK_SUBPROCESS] = "subprocess", [SOVA_BLOCK_FILE] = "file",
	[SOVA_BLOCK_IO] = "io",
};

const char *sova_block_kind_name(enum sova_block_kind kind)
{
	return kind >= 0 && kind < SOVA_BLOCK_NKINDS ? block_kind_names[kind] : "other";
}

int sova_block_kind_parse(const char *name, enum sova_block_kind *kind)
{
	for (int k = 0; k < SOVA_BLOCK_NKINDS; k++) {
		if (strcmp(name, block_kind_names[k]) == 0) {
			*kind = (enum sova_block_kind)k;
			return 0;
		}
	}
	return -1;
}
