/* sources.h - the text of the files results point into, read once, on demand.
 *
 * Reporters need a result's source line (UTF-16 columns) and the filters
 * its line fingerprint. Only files that results point into are read. */
#ifndef SOVA_SOURCES_H
#define SOVA_SOURCES_H

#include <stddef.h>

struct sova_source {
	int loaded;
	char *text; /* NULL when the file cannot be read */
	size_t len;
	size_t *lines; /* byte offset of each line start; lines[0] is line 1 */
	size_t nlines;
};

struct sova_sources {
	char *const *paths; /* borrowed: the program's file table */
	size_t npaths;
	struct sova_source *files;
};

void sova_sources_init(struct sova_sources *sources, char *const *paths, size_t npaths);
void sova_sources_free(struct sova_sources *sources);

/* The text of a 1-based line of file, without its newline; NULL when
 * unknown. *len receives its length. */
const char *sova_source_line(struct sova_sources *sources, int file, unsigned line, size_t *len);


#endif /* SOVA_SOURCES_H */
