/* jsonpos.h - JSON files with positions, which cJSON does not record.
 *
 * Loaders of sova's JSON inputs (models, compile databases) read a file into
 * a sova_json_doc, validate the cJSON tree while keeping the path to the value
 * at hand, and report a bad value as "path:line:col: what is wrong". */
#ifndef SOVA_JSONPOS_H
#define SOVA_JSONPOS_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>

/* One step into a JSON document: an object key, or (key == NULL) an array index. */
/* A member (key, and index = which occurrence of it, 0 = the first) or an
 * array element (key NULL, index = position). */
struct sova_json_step {
	const char *key;
	int index;
};

/* Returns the byte offset of the value reached by path, or of the deepest
 * value on the path that exists. Iterative, so deep nesting cannot overflow. */
size_t sova_json_locate(const char *text, size_t len, const struct sova_json_step *path, size_t depth);

/* Converts a byte offset to a 1-based line and column. */
void sova_json_linecol(const char *text, size_t len, size_t offset, unsigned *line, unsigned *col);

#define SOVA_JSON_MAX_DEPTH 8

/* One JSON input file under validation. */
struct sova_json_doc {
	const char *path;
	char *text;
	size_t len;
	cJSON *root;
	struct sova_json_step steps[SOVA_JSON_MAX_DEPTH]; /* the value being validated */
	size_t depth;
	char *err; /* where the first error goes */
	size_t errlen;
};

/* Reads and parses path. On failure returns -1 with "path: cannot read
 * <what>: why" or "path:line:col: not valid JSON" in err. */
int sova_json_doc_load(struct sova_json_doc *doc, const char *path, const char *what, char *err, size_t errlen);
/* The two halves of load: reads path's text (a NUL byte is an error), then
 * parses doc->text, which the caller may have changed in place. */
int sova_json_doc_read(struct sova_json_doc *doc, const char *path, const char *what, char *err, size_t errlen);
int sova_json_doc_parse(struct sova_json_doc *doc);

/* A scanner over JSON text, for files too large to hold as one cJSON tree
 * (baselines): offsets of values, with no tree built. */
size_t sova_json_skip_ws(const char *text, size_t len, size_t at);
/* The offset just past the value at `at`. */
size_t sova_json_value_end(const char *text, size_t len, size_t at);
/* The value of the first member named key of the object at `at`, or len. */
size_t sova_json_member(const char *text, size_t len, size_t at, const char *key);
/* "path:line:col: message" for the byte at offset into doc->err; returns -1. */
int sova_json_error_at(struct sova_json_doc *doc, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void sova_json_doc_free(struct sova_json_doc *doc);

/* Writes "path:line:col: message" for the current value into doc->err; returns -1. */
int sova_json_error(struct sova_json_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Fails ("'key' is given twice") when a member before this one in object has
 * the same key: cJSON keeps both, and a reader would silently drop one. */
int sova_json_check_unique(struct sova_json_doc *doc, const cJSON *object, const cJSON *member);

/* Steps into a member or an element, and back out. */
void sova_json_enter_key(struct sova_json_doc *doc, const char *key);
void sova_json_enter_index(struct sova_json_doc *doc, int index);
void sova_json_leave(struct sova_json_doc *doc);

/* Prints root, indented, and a line break to out, then deletes root.
 * Returns 0, or -1 when out fails. */
int sova_json_print(FILE *out, cJSON *root);

/* Makes cJSON allocate as the rest of sova does (sova_xmalloc: a clean
 * end when memory runs out). Called once by the CLI, before any thread. */
void sova_json_setup(void);

#endif /* SOVA_JSONPOS_H */
