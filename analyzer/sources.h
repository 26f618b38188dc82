/* sources.h - the text of the files results point into, read once, on demand.
 *
 * Reporters need a result's source line (UTF-16 columns, line fingerprints)
 * and the filters need the lines around it (suppression comments). */
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

/* The number of lines of file (0 when unreadable). */
size_t sova_source_lines(struct sova_sources *sources, int file);

/* The whole text of file (NULL when unreadable), reading it if need be;
 * *was_loaded tells whether it had been read before this call. */
const char *sova_source_text(struct sova_sources *sources, int file, size_t *len, int *was_loaded);

/* Forgets a file's text; it is read again if asked for. A scan over every
 * file of the program releases what it read, or the run would hold the
 * whole program's source at once. */
void sova_source_release(struct sova_sources *sources, int file);

#endif /* SOVA_SOURCES_H */
