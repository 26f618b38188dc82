/* jsonpos.h - source positions of JSON values, which cJSON does not record.
 *
 * Loaders validate a parsed cJSON tree and, on a bad value, ask this module
 * where that value stands in the text so the error can name line and column. */
#ifndef SOVA_JSONPOS_H
#define SOVA_JSONPOS_H

#include <stddef.h>

/* One step into a JSON document: an object key, or (key == NULL) an array index. */
struct sova_json_step {
	const char *key;
	int index;
};

/* Returns the byte offset of the value reached by path, or of the deepest
 * value on the path that exists. Iterative, so deep nesting cannot overflow. */
size_t sova_json_locate(const char *text, size_t len, const struct sova_json_step *path, size_t depth);

/* Converts a byte offset to a 1-based line and column. */
void sova_json_linecol(const char *text, size_t len, size_t offset, unsigned *line, unsigned *col);

#endif /* SOVA_JSONPOS_H */
