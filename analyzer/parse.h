/* parse.h - stage 2: libclang parses every TU, in parallel, into per-TU facts.
 *
 * Each worker thread owns one CXIndex; TUs are claimed from a shared counter
 * and their facts land at the TU's own index, so the result does not depend
 * on which thread parsed what, or when. */
#ifndef SOVA_PARSE_H
#define SOVA_PARSE_H

#include <stddef.h>

#include "cache.h"
#include "compdb.h"
#include "facts.h"

/* Must be called once, before any thread starts: makes libclang parse on
 * sova's own threads, whose stacks are sized for deeply nested code,
 * instead of on helper threads of its own with 8 MB stacks. */
void sova_parse_setup(void);

/* What besides a TU's files and flags decides what libclang makes of it:
 * libclang's version, the library file it was loaded from (its resource
 * directory's headers are among every TU's includes), and the environment
 * variables its driver and preprocessor read. The cache keys on both. */
struct sova_parser_identity {
	char *text;    /* the version and the variables, one per line */
	char *library; /* libclang's path, or NULL when it cannot be told */
};

void sova_parser_identity(struct sova_parser_identity *id);
void sova_parser_identity_free(struct sova_parser_identity *id);

/* Parses db's TUs with up to `jobs` threads; facts[i] (zeroed by the caller)
 * receives TU i, from the cache when it holds a current entry. A TU that cannot be parsed has facts[i].failed set and a
 * diagnostic saying why; the others go on. Flags clang does not know are
 * dropped and returned, sorted, in *dropped_flags (the caller frees them).
 * When progress is set, prints "[ i/n] file" to stderr. Returns how many
 * TUs came from the cache. */
int sova_parse_all(const struct sova_compdb *db, struct sova_cache *cache, int jobs, int progress,
		   struct sova_tu_facts *facts, char ***dropped_flags, size_t *ndropped);

/* The benchmark's floor: parses every TU as sova_parse_all would, with the
 * same flags and threads, and extracts nothing. Returns the TUs that failed. */
size_t sova_parse_floor(const struct sova_compdb *db, int jobs, struct sova_tu_facts *facts);

#endif /* SOVA_PARSE_H */
