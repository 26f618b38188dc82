/* strpool.h - the memory of one TU's facts: strings each stored once, and
 * the arrays of finished facts, all freed at once.
 *
 * A TU's facts name the same few thousand USRs, field names and files over
 * and over; as separate allocations they were most of sova's memory after
 * the parse, and freeing them one by one was a serial cost at the end of
 * every run. Strings are interned while a TU is extracted and copied into
 * large blocks; the facts only point into them. Once a TU's facts are
 * complete, their arrays move into the same blocks: at 10,000 TUs, freeing
 * a million small arrays took longer than linking them. */
#ifndef SOVA_STRPOOL_H
#define SOVA_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

struct sova_strpool_block;

struct sova_strpool_entry {
	const char *s;
	uint64_t hash;
};

struct sova_strpool {
	struct sova_strpool_block *blocks;
	char *at;    /* free space in the newest block */
	size_t left; /* bytes of it */
	size_t block_size; /* of the newest block */
	struct sova_strpool_entry *index; /* open addressing; dropped by sova_strpool_seal() */
	size_t cap, count;
	int sealed;
};

/* An all-zero pool is empty and ready. */
const char *sova_strpool_add(struct sova_strpool *pool, const char *s); /* NULL stays NULL */
const char *sova_strpool_addn(struct sova_strpool *pool, const char *s, size_t n);
const char *sova_strpool_printf(struct sova_strpool *pool, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* size bytes that live as long as the pool (a reader's string table). */
char *sova_strpool_alloc(struct sova_strpool *pool, size_t size);

/* n zeroed elements of size bytes, aligned for any type, living as long as
 * the pool; NULL when n is 0. */
void *sova_strpool_array(struct sova_strpool *pool, size_t n, size_t size);

/* Makes sure the next arrays of up to bytes in all (each rounded up to the
 * alignment) come from one block, sized to fit: facts being sealed know
 * what they need, and a doubled block would be half empty. */
void sova_strpool_reserve(struct sova_strpool *pool, size_t bytes);

/* The bytes sova_strpool_array takes for n elements of size bytes. */
size_t sova_strpool_array_bytes(size_t n, size_t size);

/* Moves a malloc'd array of n elements into the pool and frees it; returns
 * the pool's copy (NULL when n is 0). */
void *sova_strpool_adopt(struct sova_strpool *pool, void *array, size_t n, size_t size);

/* Drops the interning index once nothing more is added; later additions
 * are still stored, only no longer shared. */
void sova_strpool_seal(struct sova_strpool *pool);
void sova_strpool_free(struct sova_strpool *pool);

#endif /* SOVA_STRPOOL_H */
