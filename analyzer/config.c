/* config.c - stage 0: the project's .sova.json, read once before anything runs. */
#include "config.h"

#include <cjson/cJSON.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../rules/rule.h"
#include "jsonpos.h"
#include "util.h"

#define CONFIG_NAME ".sova.json"

void sova_config_init(struct sova_config *config)
{
	memset(config, 0, sizeof(*config));
	config->fail_on = SOVA_FAIL_ON_UNSET;
	for (int k = 0; k < SOVA_BLOCK_NKINDS; k++)
		config->kind_levels[k] = SOVA_CONFIG_LEVEL_UNSET;
}

void sova_config_free(struct sova_config *config)
{
	free(config->path);
	free(config->dir);
	sova_free_strings(config->models, config->nmodels);
	free(config->levels);
	sova_free_strings(config->exclude, config->nexclude);
	sova_free_strings(config->worker_annotations, config->nworker);
	sova_free_strings(config->blocking_annotations, config->nblocking);
	sova_free_strings(config->nonblocking_annotations, config->nnonblocking);
	free(config->compile_commands);
	sova_config_init(config);
}

char *sova_config_find(const char *start, char **note)
{
	*note = NULL;
	size_t ndirs;
	char **dirs = sova_dirs_to_repo_top(start, &ndirs);
	char *found = NULL;
	for (size_t i = 0; i < ndirs && !found; i++) {
		char *candidate = sova_xasprintf("%s/%s", strcmp(dirs[i], "/") == 0 ? "" : dirs[i], CONFIG_NAME);
		if (!sova_is_regular_file(candidate)) {
			free(candidate);
		} else if (!sova_owned_by_us_or_root(candidate)) {
			/* Planted by someone else, it could turn the analysis off. */
			*note = sova_xasprintf("%s: ignored, as it belongs to another user (name it with --config "
					       "to use it)",
					       candidate);
			free(candidate);
			break;
		} else {
			found = candidate;
		}
	}
	sova_free_strings(dirs, ndirs);
	return found;
}

int sova_config_parse_fail_on(const char *s)
{
	if (strcmp(s, "note") == 0)
		return SOVA_LEVEL_NOTE;
	if (strcmp(s, "warning") == 0)
		return SOVA_LEVEL_WARNING;
	if (strcmp(s, "error") == 0)
		return SOVA_LEVEL_ERROR;
	if (strcmp(s, "none") == 0)
		return SOVA_FAIL_ON_NONE;
	return -1;
}

/* A path relative to the config's folder made absolute. */
static char *config_path(const struct sova_config *config, const char *p)
{
	return p[0] == '/' ? sova_xstrdup(p) : sova_xasprintf("%s/%s", config->dir, p);
}

typedef int (*read_value_fn)(struct sova_json_doc *r, struct sova_config *config, const cJSON *v);

static int read_string_array(struct sova_json_doc *r, const cJSON *v, const char *key, char ***out, size_t *n,
			     size_t *cap, const struct sova_config *config, int as_path)
{
	if (!cJSON_IsArray(v))
		return sova_json_error(r, "'%s' must be an array of strings", key);
	int i = 0;
	for (const cJSON *item = v->child; item; item = item->next, i++) {
		if (!cJSON_IsString(item) || !item->valuestring[0]) {
			sova_json_enter_index(r, i);
			return sova_json_error(r, "'%s' must hold non-empty strings", key);
		}
		char *s = as_path ? config_path(config, item->valuestring) : sova_xstrdup(item->valuestring);
		SOVA_PUSH(*out, *n, *cap, s);
	}
	return 0;
}

static int read_models(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	return read_string_array(r, v, "models", &c->models, &c->nmodels, &c->capmodels, c, 1);
}

static int read_exclude(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	return read_string_array(r, v, "exclude", &c->exclude, &c->nexclude, &c->capexclude, c, 0);
}

/* "note", "warning", "error" or "off"; SOVA_CONFIG_LEVEL_UNSET for anything else. */
static int parse_level(const cJSON *item)
{
	if (!cJSON_IsString(item))
		return SOVA_CONFIG_LEVEL_UNSET;
	if (strcmp(item->valuestring, "off") == 0)
		return SOVA_CONFIG_LEVEL_OFF;
	int level = sova_config_parse_fail_on(item->valuestring);
	return level < 0 || level == SOVA_FAIL_ON_NONE ? SOVA_CONFIG_LEVEL_UNSET : level;
}

static int read_level(struct sova_json_doc *r, struct sova_config *c, const cJSON *item)
{
	const struct sova_rule *rule = sova_rule_find(item->string);
	if (!rule)
		return sova_json_error(r, "unknown rule '%s' in 'rules'; 'sova rules' lists them", item->string);
	int level = parse_level(item);
	if (level == SOVA_CONFIG_LEVEL_UNSET)
		return sova_json_error(r, "the level of '%s' must be \"note\", \"warning\", \"error\" or \"off\"",
				       item->string);
	struct sova_rule_level setting = { rule->id, level };
	SOVA_PUSH(c->levels, c->nlevels, c->caplevels, setting);
	return 0;
}

static int read_rules(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "'rules' must be an object of rule ids or names to levels");
	for (const cJSON *item = v->child; item; item = item->next) {
		sova_json_enter_key(r, item->string);
		int rc = read_level(r, c, item);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	return 0;
}

static int read_kinds(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "'kinds' must be an object of kinds of blocking to levels");
	for (const cJSON *item = v->child; item; item = item->next) {
		sova_json_enter_key(r, item->string);
		enum sova_block_kind kind;
		int level = parse_level(item), rc = 0;
		if (sova_block_kind_parse(item->string, &kind) != 0)
			rc = sova_json_error(r, "unknown kind of blocking '%s' in 'kinds'; expected async, sleep, join, "
						"sync, loop, network, subprocess, file, io or other",
					     item->string);
		else if (level == SOVA_CONFIG_LEVEL_UNSET)
			rc = sova_json_error(r, "the level of '%s' must be \"note\", \"warning\", \"error\" or \"off\"",
					     item->string);
		else
			c->kind_levels[kind] = level;
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	return 0;
}

static int read_annotations(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	if (!cJSON_IsObject(v))
		return sova_json_error(r, "'annotations' must be an object with \"worker\", \"blocking\" or "
					  "\"nonblocking\" arrays");
	for (const cJSON *item = v->child; item; item = item->next) {
		sova_json_enter_key(r, item->string);
		int rc;
		if (strcmp(item->string, "worker") == 0)
			rc = read_string_array(r, item, "worker", &c->worker_annotations, &c->nworker, &c->capworker, c, 0);
		else if (strcmp(item->string, "blocking") == 0)
			rc = read_string_array(r, item, "blocking", &c->blocking_annotations, &c->nblocking,
					       &c->capblocking, c, 0);
		else if (strcmp(item->string, "nonblocking") == 0)
			rc = read_string_array(r, item, "nonblocking", &c->nonblocking_annotations, &c->nnonblocking,
					       &c->capnonblocking, c, 0);
		else
			rc = sova_json_error(r, "unknown key '%s' in 'annotations'; expected worker, blocking or "
						"nonblocking",
					     item->string);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	return 0;
}

static int read_compile_commands(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	if (!cJSON_IsString(v) || !v->valuestring[0])
		return sova_json_error(r, "'compile_commands' must be a non-empty string: a folder");
	c->compile_commands = config_path(c, v->valuestring);
	return 0;
}

static int read_fail_on(struct sova_json_doc *r, struct sova_config *c, const cJSON *v)
{
	int level = cJSON_IsString(v) ? sova_config_parse_fail_on(v->valuestring) : -1;
	if (level < 0)
		return sova_json_error(r, "'fail_on' must be \"note\", \"warning\", \"error\" or \"none\"");
	c->fail_on = level;
	return 0;
}

static const struct {
	const char *key;
	read_value_fn read;
} config_keys[] = {
	{ "models", read_models },
	{ "rules", read_rules },
	{ "exclude", read_exclude },
	{ "annotations", read_annotations },
	{ "compile_commands", read_compile_commands },
	{ "fail_on", read_fail_on },
	{ "kinds", read_kinds },
};

static int read_config(struct sova_json_doc *r, struct sova_config *config)
{
	if (!cJSON_IsObject(r->root))
		return sova_json_error(r, "a configuration must be a JSON object");
	for (const cJSON *v = r->root->child; v; v = v->next) {
		if (sova_json_check_unique(r, r->root, v))
			return -1;
		size_t k = 0, n = sizeof(config_keys) / sizeof(config_keys[0]);
		while (k < n && strcmp(config_keys[k].key, v->string) != 0)
			k++;
		sova_json_enter_key(r, v->string);
		int rc = k < n ? config_keys[k].read(r, config, v)
			       : sova_json_error(r, "unknown key '%s'; expected models, rules, exclude, annotations, "
						    "compile_commands, fail_on or kinds",
						 v->string);
		sova_json_leave(r);
		if (rc)
			return -1;
	}
	return 0;
}

int sova_config_load(struct sova_config *config, const char *path, char *err, size_t errlen)
{
	char resolved[PATH_MAX];
	if (!realpath(path, resolved)) {
		snprintf(err, errlen, "%s: cannot read configuration: no such file", path);
		return -1;
	}
	config->path = sova_xstrdup(resolved);
	config->dir = sova_xstrdup(resolved);
	*strrchr(config->dir, '/') = '\0';
	if (!config->dir[0]) {
		free(config->dir);
		config->dir = sova_xstrdup("/");
	}
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "configuration", err, errlen);
	if (rc == 0)
		rc = read_config(&doc, config);
	sova_json_doc_free(&doc);
	return rc;
}

/* A pattern names a folder and everything under it ("vendor", "vendor/"), or
 * is a glob in which a star also crosses slashes ("vendor/x.c" matches "vendor/STAR.c"). Relative
 * patterns are matched against the path relative to the config's folder. */
static int pattern_matches(const char *pattern, const char *path)
{
	size_t n = strlen(pattern);
	while (n > 1 && pattern[n - 1] == '/')
		n--;
	if (strncmp(path, pattern, n) == 0 && (path[n] == '/' || path[n] == '\0'))
		return 1;
	return fnmatch(pattern, path, 0) == 0;
}

int sova_config_excluded(const struct sova_config *config, const char *path)
{
	const char *rel = path;
	size_t n = config->dir ? strlen(config->dir) : 0;
	if (n && strncmp(path, config->dir, n) == 0 && path[n] == '/')
		rel = path + n + 1;
	for (size_t i = 0; i < config->nexclude; i++)
		if (pattern_matches(config->exclude[i], config->exclude[i][0] == '/' ? path : rel))
			return 1;
	return 0;
}
