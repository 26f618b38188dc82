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

enum field_type { FIELD_NAME, FIELD_INDEX, FIELD_BOOL, FIELD_KIND };

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
	FIELD("executor_arg", FIELD_INDEX, executor_arg, 0),
	FIELD("work_arg", FIELD_INDEX, work_arg, 1),
	FIELD("context_arg", FIELD_INDEX, context_arg, 0),
	FIELD("context_param", FIELD_INDEX, context_param, 0),
	FIELD("future_arg", FIELD_INDEX, future_arg, 0),
	FIELD("returns_future", FIELD_BOOL, returns_future, 0),
	FIELDS_END,
};

static const struct field_spec wait_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("future_arg", FIELD_INDEX, future_arg, 0),
	FIELD("bounded", FIELD_BOOL, bounded, 0),
	FIELD("joins_array", FIELD_BOOL, joins_array, 0),
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
	FIELDS_END,
};

static const struct field_spec blocking_fields[] = {
	FIELD("function", FIELD_NAME, function, 1),
	FIELD("bounded", FIELD_BOOL, bounded, 0),
	FIELDS_END,
};

static const struct section_spec sections[] = {
	{ "submit", SOVA_API_SUBMIT, submit_fields },
	{ "continuations", SOVA_API_CONTINUATION, submit_fields },
	{ "waits", SOVA_API_WAIT, wait_fields },
	{ "ready_checks", SOVA_API_READY_CHECK, ready_fields },
	{ "executors", SOVA_API_EXECUTOR, executor_fields },
	{ "blocking", SOVA_API_BLOCKING, blocking_fields },
};

#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

void sova_models_init(struct sova_models *models)
{
	memset(models, 0, sizeof(*models));
	sova_strmap_init(&models->by_function);
}

void sova_models_free(struct sova_models *models)
{
	for (size_t i = 0; i < models->nfns; i++)
		free(models->fns[i].function);
	for (size_t i = 0; i < models->nfuture_types; i++)
		free(models->future_types[i]);
	for (size_t i = 0; i < models->nnames; i++)
		free(models->names[i]);
	free(models->fns);
	free(models->future_types);
	free(models->names);
	sova_strmap_free(&models->by_function);
	memset(models, 0, sizeof(*models));
}

static int parse_kind(const char *s, enum sova_exec_kind *kind)
{
	if (strcmp(s, "pool") == 0)
		*kind = SOVA_EXEC_POOL;
	else if (strcmp(s, "serial") == 0)
		*kind = SOVA_EXEC_SERIAL;
	else
		return -1;
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
		if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 63 || v->valuedouble != (double)v->valueint)
			return sova_json_error(r, "'%s' must be an argument index from 0 to 63", f->key);
		*(int *)slot = v->valueint;
		return 0;
	case FIELD_BOOL:
		if (!cJSON_IsBool(v))
			return sova_json_error(r, "'%s' must be true or false", f->key);
		*(int *)slot = cJSON_IsTrue(v);
		return 0;
	case FIELD_KIND:
		if (!cJSON_IsString(v) || parse_kind(v->valuestring, (enum sova_exec_kind *)slot) != 0)
			return sova_json_error(r, "'%s' must be \"pool\" or \"serial\"", f->key);
		return 0;
	}
	return sova_json_error(r, "internal: unknown field type");
}

static const struct field_spec *find_field(const struct field_spec *fields, const char *key)
{
	for (const struct field_spec *f = fields; f->key; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

static void api_fn_defaults(struct sova_api_fn *fn, enum sova_api_role role, const char *model)
{
	memset(fn, 0, sizeof(*fn));
	fn->role = role;
	fn->model = model;
	fn->executor_arg = fn->work_arg = fn->context_arg = fn->future_arg = -1;
	fn->context_param = 0;
	if (role == SOVA_API_WAIT)
		fn->future_arg = 0;
}

static void add_api_fn(struct sova_models *models, const struct sova_api_fn *fn)
{
	int existing = sova_strmap_get(&models->by_function, fn->function);
	if (existing >= 0) {
		free(models->fns[existing].function);
		models->fns[existing] = *fn;
		return;
	}
	SOVA_PUSH(models->fns, models->nfns, models->capfns, *fn);
	sova_strmap_put(&models->by_function, fn->function, (int)models->nfns - 1);
}

static int read_entry(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
		      const cJSON *entry, const char *model)
{
	if (!cJSON_IsObject(entry))
		return sova_json_error(r, "each '%s' entry must be an object", sec->name);
	struct sova_api_fn fn;
	api_fn_defaults(&fn, sec->role, model);
	for (const cJSON *v = entry->child; v; v = v->next) {
		sova_json_enter_key(r, v->string);
		const struct field_spec *f = find_field(sec->fields, v->string);
		int rc = f ? read_field(r, f, v, &fn) : sova_json_error(r, "unknown key '%s' in a '%s' entry", v->string, sec->name);
		sova_json_leave(r);
		if (rc != 0) {
			free(fn.function);
			return -1;
		}
	}
	for (const struct field_spec *f = sec->fields; f->key; f++) {
		if (f->required && !cJSON_HasObjectItem(entry, f->key)) {
			free(fn.function);
			return sova_json_error(r, "'%s' entry lacks required key '%s'", sec->name, f->key);
		}
	}
	add_api_fn(models, &fn);
	return 0;
}

static int read_section(struct sova_json_doc *r, struct sova_models *models, const struct section_spec *sec,
			const cJSON *array, const char *model)
{
	if (!cJSON_IsArray(array))
		return sova_json_error(r, "'%s' must be an array", sec->name);
	int i = 0;
	for (const cJSON *entry = array->child; entry; entry = entry->next, i++) {
		sova_json_enter_index(r, i);
		int rc = read_entry(r, models, sec, entry, model);
		sova_json_leave(r);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int read_future_types(struct sova_json_doc *r, struct sova_models *models, const cJSON *array)
{
	if (!cJSON_IsArray(array))
		return sova_json_error(r, "'future_types' must be an array of type names");
	int i = 0;
	for (const cJSON *v = array->child; v; v = v->next, i++) {
		sova_json_enter_index(r, i);
		int bad = !cJSON_IsString(v) || !v->valuestring[0];
		if (bad)
			sova_json_error(r, "'future_types' entries must be non-empty strings");
		sova_json_leave(r);
		if (bad)
			return -1;
		SOVA_PUSH(models->future_types, models->nfuture_types, models->capfuture_types, sova_xstrdup(v->valuestring));
	}
	return 0;
}

static const struct section_spec *find_section(const char *name)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (strcmp(sections[i].name, name) == 0)
			return &sections[i];
	return NULL;
}

static int read_member(struct sova_json_doc *r, struct sova_models *models, const cJSON *v, const char *model)
{
	if (strcmp(v->string, "model") == 0)
		return 0;
	if (strcmp(v->string, "description") == 0)
		return cJSON_IsString(v) ? 0 : sova_json_error(r, "'description' must be a string");
	if (strcmp(v->string, "future_types") == 0)
		return read_future_types(r, models, v);
	const struct section_spec *sec = find_section(v->string);
	if (!sec)
		return sova_json_error(r, "unknown key '%s'; expected model, description, future_types, submit, "
				       "continuations, waits, ready_checks, executors or blocking", v->string);
	return read_section(r, models, sec, v, model);
}

static int read_model(struct sova_json_doc *r, struct sova_models *models, const cJSON *root)
{
	if (!cJSON_IsObject(root))
		return sova_json_error(r, "a model must be a JSON object");
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "model");
	if (!cJSON_IsString(name) || !name->valuestring[0]) {
		if (name)
			sova_json_enter_key(r, "model");
		return sova_json_error(r, "a model needs a non-empty string 'model' naming it");
	}
	SOVA_PUSH(models->names, models->nnames, models->capnames, sova_xstrdup(name->valuestring));
	const char *model = models->names[models->nnames - 1];
	for (const cJSON *v = root->child; v; v = v->next) {
		sova_json_enter_key(r, v->string);
		int rc = read_member(r, models, v, model);
		sova_json_leave(r);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int sova_models_load_file(struct sova_models *models, const char *path, char *err, size_t errlen)
{
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "model", err, errlen);
	if (rc == 0)
		rc = read_model(&doc, models, doc.root);
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
	qsort(names, n, sizeof(*names), compare_names);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = sova_models_load_file(models, names[i], err, errlen);
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

int sova_models_is_future_type(const struct sova_models *models, const char *type_name)
{
	if (!type_name)
		return 0;
	for (size_t i = 0; i < models->nfuture_types; i++)
		if (strcmp(models->future_types[i], type_name) == 0)
			return 1;
	return 0;
}

const char *sova_exec_kind_name(enum sova_exec_kind kind)
{
	switch (kind) {
	case SOVA_EXEC_POOL:
		return "pool";
	case SOVA_EXEC_SERIAL:
		return "serial";
	default:
		return "unknown";
	}
}
