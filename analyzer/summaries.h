/* summaries.h - per-TU facts written by 'sova extract' and read by 'sova link'.
 *
 * With these, extraction can be spread over many machines (a CI matrix, a
 * build system's actions) and linked once. A summaries file says which
 * compile database it came from (an id of its commands, and how many TUs
 * it selected), which shard of it, and each TU's position in it, so that
 * linking shards in any order gives the very bytes of a single run, and a
 * shard that is missing, or given twice with other facts, is an error
 * rather than a smaller program that passes. */
#ifndef SOVA_SUMMARIES_H
#define SOVA_SUMMARIES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "facts.h"

/* Where the TUs of one summaries file come from. */
struct sova_summaries_origin {
	uint64_t database;    /* sova_compdb_id of the TUs selected */
	size_t database_tus;  /* how many the database selected, all shards together */
	size_t shard, nshards; /* --shard K/N; 1/1 for all */
};

/* One summaries file read. */
struct sova_summaries_file {
	char *path;
	struct sova_summaries_origin origin;
	char **notes; /* the compile database's notes */
	size_t nnotes, capnotes;
};

struct sova_summaries {
	struct sova_tu_facts *facts;
	size_t *positions; /* in the compile database */
	size_t *from;      /* the file (index into files) each TU came from */
	size_t count, cap;
	struct sova_summaries_file *files;
	size_t nfiles, capfiles;
	char **notes;      /* after finish: every file's notes, once each */
	size_t nnotes;
	char **dropped;    /* flags clang did not know */
	size_t ndropped, capdropped;
};

/* Writes the given TUs. Returns 0, or -1 when writing failed. */
int sova_summaries_write(FILE *out, const struct sova_summaries_origin *origin, const struct sova_tu_facts *facts,
			 const size_t *positions, size_t count, char *const *notes, size_t nnotes,
			 char *const *dropped, size_t ndropped);

/* Adds the TUs and notes of one file. On error returns -1 with
 * "path: what is wrong" (or path:line:col) in err. */
int sova_summaries_read(struct sova_summaries *set, const char *path, char *err, size_t errlen);

/* Checks that the files given cover each compile database they come from
 * exactly (every shard 1..N, every position once, a shard given twice
 * with the same facts), then orders the TUs by database and position,
 * keeps one TU per position, unites the dropped flags and the notes: the
 * set is what one run would have had. On error returns -1 with what is
 * missing or disagrees, naming the files, in err. */
int sova_summaries_finish(struct sova_summaries *set, char *err, size_t errlen);

void sova_summaries_free(struct sova_summaries *set);

#endif /* SOVA_SUMMARIES_H */
