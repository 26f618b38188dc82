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

/* How to parse: threads, progress on stderr, and each TU's time budget. */
struct sova_parse_options {
	int jobs;
	int progress;      /* print "[ i/n] file" to stderr */
	double tu_timeout; /* seconds libclang may spend on one TU; 0: no limit */
};

/* What a parse did beyond the facts. */
struct sova_parse_outcome {
	size_t from_cache;
	char **dropped_flags; /* flags clang does not know, sorted; the caller frees them */
	size_t ndropped;
	/* TUs given up at their time budget. Their threads are still inside
	 * libclang, and touch nothing of the caller's: the process ends with
	 * _exit once its report is written, never by freeing and returning. */
	size_t abandoned;
};

/* Parses db's TUs; facts[i] (zeroed by the caller) receives TU i, from the
 * cache when it holds a current entry. A TU that cannot be parsed, or
 * that libclang spends longer than the budget on, has facts[i].failed set
 * and a diagnostic saying why; the others go on. */
void sova_parse_all(const struct sova_compdb *db, struct sova_cache *cache, const struct sova_parse_options *options,
		    struct sova_tu_facts *facts, struct sova_parse_outcome *outcome);

/* The benchmark's floor: parses every TU as sova_parse_all would, with the
 * same flags and threads, and extracts nothing. Returns the TUs that failed. */
size_t sova_parse_floor(const struct sova_compdb *db, int jobs, struct sova_tu_facts *facts);

#endif /* SOVA_PARSE_H */
