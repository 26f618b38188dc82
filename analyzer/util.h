/* util.h - memory, strings, growable arrays and a string map shared by every stage.
 *
 * Allocation policy: sova cannot do anything useful after malloc fails, so
 * the x-allocators print "out of memory" and exit with SOVA_EXIT_FAILED.
 * Every other failure is returned to the caller. */
#ifndef SOVA_UTIL_H
#define SOVA_UTIL_H

#include <stddef.h>
#include <stdint.h>

enum sova_exit {
	SOVA_EXIT_CLEAN = 0,    /* analysis ran, no results */
	SOVA_EXIT_RESULTS = 1,  /* analysis ran, results reported */
	SOVA_EXIT_USAGE = 2,    /* bad command line, model or compile database */
	SOVA_EXIT_FAILED = 3,   /* the analysis itself failed */
};

/* Reports that memory ran out and ends the process at once with
 * SOVA_EXIT_FAILED: what the x-allocators do on failure (alloc.c). Other
 * threads may be inside libclang, so no exit handler runs; the output file
 * being written, if any, is removed (sova_set_pending_output). */
_Noreturn void sova_oom(void);
/* Names the temporary output file to remove if the process must end now,
 * or NULL once it is renamed or removed. */
void sova_set_pending_output(const char *path);
void *sova_xmalloc(size_t size);
void *sova_xcalloc(size_t count, size_t size);
void *sova_xrealloc(void *ptr, size_t count, size_t size);
char *sova_xstrdup(const char *s);
char *sova_xstrndup(const char *s, size_t n);
/* Returns a newly allocated string built like printf. */
char *sova_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items so that index `need` fits; *cap is updated. */
#define SOVA_GROW(items, count, cap)                                          \
	do {                                                                  \
		if ((count) >= (cap)) {                                       \
			(cap) = (cap) ? (cap) * 2 : 8;                        \
			(items) = sova_xrealloc((items), (cap), sizeof(*(items))); \
		}                                                             \
	} while (0)

/* Appends item to a (items, count, cap) triple. */
#define SOVA_PUSH(items, count, cap, item)                                    \
	do {                                                                  \
		SOVA_GROW(items, count, cap);                                 \
		(items)[(count)++] = (item);                                  \
	} while (0)

/* A string-keyed open-addressing map to non-negative ints; keys are copied. */
struct sova_strmap {
	char **keys;
	int *values;
	uint64_t *hashes; /* of each key: probes compare these before the text */
	size_t cap;
	size_t count;
};

/* A map from a pair of numbers to an int, for keys made of indexes
 * (two sets' ids, a def and a state's programs): no text to format. */
struct sova_pairmap {
	uint64_t *keys; /* two words per slot */
	int *values;    /* per slot; -1: empty */
	size_t cap;
	size_t count;
};

void sova_pairmap_init(struct sova_pairmap *map);
void sova_pairmap_free(struct sova_pairmap *map);
/* Returns the value of (a, b), or -1 when absent. */
int sova_pairmap_get(const struct sova_pairmap *map, uint64_t a, uint64_t b);
/* Inserts or replaces the value of (a, b); value must not be negative. */
void sova_pairmap_put(struct sova_pairmap *map, uint64_t a, uint64_t b, int value);

/* Writes v in decimal at p, with no terminator, and returns the end: a
 * key of numbers built on a hot path, where snprintf costs ten times more. */
char *sova_put_decimal(char *p, long v);

void sova_strmap_init(struct sova_strmap *map);
void sova_strmap_free(struct sova_strmap *map);
/* Returns the value of key, or -1 when absent. */
int sova_strmap_get(const struct sova_strmap *map, const char *key);
/* Inserts or replaces key's value. */
void sova_strmap_put(struct sova_strmap *map, const char *key, int value);
/* The map's own copy of key (it lives as long as the map), with its value
 * in *value; NULL when key is absent. */
const char *sova_strmap_key(const struct sova_strmap *map, const char *key, int *value);

/* FNV-1a: slow, but fixed forever. Only for what users keep between
 * versions: result fingerprints in baselines. */
uint64_t sova_fnv1a(const void *data, size_t len, uint64_t seed);
#define SOVA_FNV_SEED 0xcbf29ce484222325ULL

/* XXH3 (libxxhash): for hash tables and the cache's keys, where speed
 * matters and values never outlive the sova binary that made them. */
uint64_t sova_hash(const void *data, size_t len, uint64_t seed);

/* 64-bit values in files, least significant byte first on any host. */
static inline void sova_put_le64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static inline uint64_t sova_get_le64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Writes all of data to fd, going on after interruptions; returns 0 or -1. */
int sova_write_all(int fd, const void *data, size_t len);

/* Writes data to path through a temporary file ("path.tmp.XXXXXX") and a
 * rename, so that no reader ever sees half of it; returns 0 or -1. */
int sova_write_atomically(const char *path, const void *data, size_t len);

/* The most any file sova reads may hold: a compile database of a very
 * large project is a few hundred megabytes. */
#define SOVA_READ_MAX (1ULL << 30)
#define SOVA_READ_MAX_TEXT "1 GiB"

/* Reads a whole regular file of at most SOVA_READ_MAX bytes; returns NULL
 * and sets *err (static text) on failure: a FIFO, a device or a socket is
 * refused without blocking ("not a regular file"). */
char *sova_read_file(const char *path, size_t *len, const char **err);
/* sova_hash(contents, length, seed) of a whole regular file of at most
 * SOVA_READ_MAX bytes, read in pieces; returns 0 with *err set otherwise. */
int sova_hash_file(const char *path, uint64_t seed, uint64_t *hash, const char **err);

/* Returns 1 when s is valid UTF-8. */
int sova_utf8_valid(const char *s, size_t len);

/* The folders from start (made absolute) up to the top of its repository,
 * the first that holds a .git (a folder, or a file in a worktree), start
 * first; only start outside a repository. Configuration and compile
 * databases are looked for there and no higher: above the repository is
 * anyone's (git's CVE-2022-24765). NULL when start cannot be resolved. */
char **sova_dirs_to_repo_top(const char *start, size_t *n);
void sova_free_strings(char **strings, size_t n);

/* Whether path names a regular file (a symlink is followed). */
int sova_is_regular_file(const char *path);

/* Whether file's name ends in one of the n endings (".h", ".S"). */
int sova_file_ends_in(const char *file, const char *const *endings, size_t n);

/* Whether a file sova found by itself may be trusted: it is owned by the
 * user sova runs as, or by root (git's safe.directory rule). */
int sova_owned_by_us_or_root(const char *path);

/* The path to show for an absolute path: relative to base when under it. */
const char *sova_display_path(const char *path, const char *base);

#endif /* SOVA_UTIL_H */
