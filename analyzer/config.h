/* config.h - stage 0: the project's .sova.json, read once before anything runs.
 *
 * Found by walking up from the working directory, or named with --config.
 * Command-line flags override it. Paths in it are relative to its folder. */
#ifndef SOVA_CONFIG_H
#define SOVA_CONFIG_H

#include <stddef.h>

#include "models.h"

/* A rule's configured level: one of enum sova_level, or off. */
#define SOVA_CONFIG_LEVEL_UNSET (-2)
#define SOVA_CONFIG_LEVEL_OFF (-1)

/* What makes sova exit 1: results at or above a level, or nothing. */
#define SOVA_FAIL_ON_UNSET (-2)
#define SOVA_FAIL_ON_NONE 99

struct sova_rule_level {
	const char *rule_id; /* the registry's id */
	int level;           /* enum sova_level, or SOVA_CONFIG_LEVEL_OFF */
};

struct sova_config {
	char *path; /* the file read, or NULL when there is none */
	char *dir;  /* its folder, absolute */
	char **models; /* absolute paths */
	size_t nmodels, capmodels;
	struct sova_rule_level *levels;
	size_t nlevels, caplevels;
	char **exclude; /* folders or globs, relative to dir unless absolute */
	size_t nexclude, capexclude;
	char **worker_annotations, **blocking_annotations, **nonblocking_annotations;
	size_t nworker, capworker, nblocking, capblocking, nnonblocking, capnonblocking;
	char *compile_commands; /* absolute, or NULL */
	int fail_on;            /* enum sova_level, SOVA_FAIL_ON_NONE, or SOVA_FAIL_ON_UNSET */
	int kind_levels[SOVA_BLOCK_NKINDS]; /* per kind of blocking: a level, off, or SOVA_CONFIG_LEVEL_UNSET */
};

void sova_config_init(struct sova_config *config);
void sova_config_free(struct sova_config *config);

/* Finds .sova.json in start or the nearest folder above it, up to the top
 * of the repository (util.h). Returns a new path, or NULL when there is
 * none. The nearest one, owned by another user than sova's or root, is
 * not used, and *note (a new string) says so. */
char *sova_config_find(const char *start, char **note);

/* Reads path into config. On error returns -1 with "path:line:col: what is
 * wrong" in err; an unknown key or a value of the wrong type is an error. */
int sova_config_load(struct sova_config *config, const char *path, char *err, size_t errlen);

/* Parses "note", "warning", "error" or "none" (for --fail-on); -1 when none of them. */
int sova_config_parse_fail_on(const char *s);

/* Returns 1 when an absolute path matches one of the exclude patterns. */
int sova_config_excluded(const struct sova_config *config, const char *path);

#endif /* SOVA_CONFIG_H */
