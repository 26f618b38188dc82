/* strpool.c - the memory of one TU's facts: strings each stored once, and
 * the arrays of finished facts, all freed at once. */
#include "strpool.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Blocks start small and double: most TUs need a few kilobytes, a few
 * need megabytes, and a TU's last block is on average half empty. */
#define FIRST_BLOCK ((size_t)512)
#define LAST_BLOCK ((size_t)256 * 1024)

#define ARRAY_ALIGN _Alignof(max_align_t)

struct sova_strpool_block {
	struct sova_strpool_block *next;
	_Alignas(max_align_t) char data[]; /* aligned, for arrays */
};

static struct sova_strpool_block *new_block(struct sova_strpool *pool, size_t bytes)
{
	struct sova_strpool_block *b = sova_xmalloc(sizeof(*b) + bytes);
	b->next = pool->blocks;
	pool->blocks = b;
	return b;
}

/* Makes a block of bytes the one new requests come from. */
static void use_block(struct sova_strpool *pool, size_t bytes)
{
	pool->at = new_block(pool, bytes)->data;
	pool->left = bytes;
}

char *sova_strpool_alloc(struct sova_strpool *pool, size_t size)
{
	if (size > pool->left) {
		pool->block_size = pool->block_size ? pool->block_size * 2 : FIRST_BLOCK;
		if (pool->block_size > LAST_BLOCK)
			pool->block_size = LAST_BLOCK;
		/* A large request gets a block of its own; the current one stays in use. */
		if (size > pool->block_size / 4)
			return new_block(pool, size)->data;
		use_block(pool, pool->block_size);
	}
	char *out = pool->at;
	pool->at += size;
	pool->left -= size;
	return out;
}

size_t sova_strpool_array_bytes(size_t n, size_t size)
{
	if (n && size > (SIZE_MAX - ARRAY_ALIGN) / n)
		sova_oom();
	return (n * size + ARRAY_ALIGN - 1) & ~(size_t)(ARRAY_ALIGN - 1);
}

/* Moves the free space up to the alignment of arrays. */
static void align_free_space(struct sova_strpool *pool)
{
	size_t pad = (size_t)(-(uintptr_t)pool->at & (ARRAY_ALIGN - 1));
	if (pad > pool->left)
		pad = pool->left;
	if (!pad)
		return; /* an empty pool's free space is NULL */
	pool->at += pad;
	pool->left -= pad;
}

void sova_strpool_reserve(struct sova_strpool *pool, size_t bytes)
{
	align_free_space(pool);
	if (bytes > pool->left)
		use_block(pool, bytes);
}

void *sova_strpool_array(struct sova_strpool *pool, size_t n, size_t size)
{
	if (!n)
		return NULL;
	size_t bytes = sova_strpool_array_bytes(n, size);
	/* A fresh block's data is aligned; the current one's rest is aligned here. */
	align_free_space(pool);
	char *out = sova_strpool_alloc(pool, bytes);
	memset(out, 0, bytes);
	return out;
}

void *sova_strpool_adopt(struct sova_strpool *pool, void *array, size_t n, size_t size)
{
	void *copy = sova_strpool_array(pool, n, size);
	if (n)
		memcpy(copy, array, n * size);
	free(array);
	return copy;
}

static const char *store(struct sova_strpool *pool, const char *s, size_t n)
{
	char *copy = sova_strpool_alloc(pool, n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

static void grow_index(struct sova_strpool *pool)
{
	size_t cap = pool->cap ? pool->cap * 2 : 1024;
	struct sova_strpool_entry *index = sova_xcalloc(cap, sizeof(*index));
	for (size_t i = 0; i < pool->cap; i++) {
		if (!pool->index[i].s)
			continue;
		size_t k = pool->index[i].hash & (cap - 1);
		while (index[k].s)
			k = (k + 1) & (cap - 1);
		index[k] = pool->index[i];
	}
	free(pool->index);
	pool->index = index;
	pool->cap = cap;
}

const char *sova_strpool_addn(struct sova_strpool *pool, const char *s, size_t n)
{
	if (!s)
		return NULL;
	if (pool->sealed)
		return store(pool, s, n);
	if ((pool->count + 1) * 2 > pool->cap)
		grow_index(pool);
	uint64_t hash = sova_hash(s, n, 0);
	size_t k = hash & (pool->cap - 1);
	for (; pool->index[k].s; k = (k + 1) & (pool->cap - 1)) {
		const char *have = pool->index[k].s;
		if (pool->index[k].hash == hash && strncmp(have, s, n) == 0 && have[n] == '\0')
			return have;
	}
	pool->index[k].s = store(pool, s, n);
	pool->index[k].hash = hash;
	pool->count++;
	return pool->index[k].s;
}

const char *sova_strpool_add(struct sova_strpool *pool, const char *s)
{
	return s ? sova_strpool_addn(pool, s, strlen(s)) : NULL;
}

const char *sova_strpool_printf(struct sova_strpool *pool, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return sova_strpool_addn(pool, "", 0);
	if ((size_t)n < sizeof(small))
		return sova_strpool_addn(pool, small, (size_t)n);
	char *big = sova_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	const char *out = sova_strpool_addn(pool, big, (size_t)n);
	free(big);
	return out;
}

void sova_strpool_seal(struct sova_strpool *pool)
{
	free(pool->index);
	pool->index = NULL;
	pool->count = pool->cap = 0;
	pool->sealed = 1;
}

void sova_strpool_free(struct sova_strpool *pool)
{
	for (struct sova_strpool_block *b = pool->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(pool->index);
	memset(pool, 0, sizeof(*pool));
}
