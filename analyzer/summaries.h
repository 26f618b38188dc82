/* summaries.h - per-TU facts written by 'sova extract' and read by 'sova link'.
 *
 * With these, extraction can be spread over many machines (a CI matrix, a
 * build system's actions) and linked once. A summaries file carries each
 * TU's position in the compile database, so that linking shards in any
 * order gives the very bytes of a single run. */
#ifndef SOVA_SUMMARIES_H
#define SOVA_SUMMARIES_H

#include <stddef.h>
#include <stdio.h>

#include "facts.h"

struct sova_summaries {
	struct sova_tu_facts *facts;
	size_t *positions; /* in the compile database */
	size_t count, cap;
	char **notes;      /* the compile database's notes */
	size_t nnotes, capnotes;
	char **dropped;    /* flags clang did not know */
	size_t ndropped, capdropped;
};

/* Writes the given TUs. Returns 0, or -1 when writing failed. */
int sova_summaries_write(FILE *out, const struct sova_tu_facts *facts, const size_t *positions, size_t count,
			 char *const *notes, size_t nnotes, char *const *dropped, size_t ndropped);

/* Adds the TUs and notes of one file. On error returns -1 with
 * "path: what is wrong" (or path:line:col) in err. */
int sova_summaries_read(struct sova_summaries *set, const char *path, char *err, size_t errlen);

/* Orders the TUs by position, keeps one TU per position, sorts and unites
 * the dropped flags; then the set is what one run would have had. */
void sova_summaries_finish(struct sova_summaries *set);

void sova_summaries_free(struct sova_summaries *set);

#endif /* SOVA_SUMMARIES_H */
