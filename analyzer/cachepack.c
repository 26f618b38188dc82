/* cachepack.c - many cache entries in one file: writing packs, reading their indexes, finding entries. */
#include "cachepack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#define PACK_MAGIC "sovapak1"
/* A pack is finished at an eighth of the cache's bound, within these
 * sizes, so that pruning, which removes whole packs, still frees the cache
 * a piece at a time: packs of 32 MB under a bound of 10 MB would all go. */
#define PACK_MIN_BYTES (64u << 10)
#define PACK_MAX_BYTES (32u << 20)
/* Each pack's file stays open for the run, up to this many. */
#define MAX_OPEN_PACKS 64

static void put_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
	uint32_t v = 0;
	for (int i = 3; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* ---- the index ---- */

long long sova_pack_index_bytes(const unsigned char *trailer, uint64_t file_size)
{
	if (file_size < SOVA_PACK_TRAILER_BYTES || memcmp(trailer, PACK_MAGIC, 8) != 0 || get_u32(trailer + 12) != 0)
		return -1;
	uint64_t bytes = (uint64_t)get_u32(trailer + 8) * SOVA_PACK_RECORD_BYTES;
	return bytes > file_size - SOVA_PACK_TRAILER_BYTES ? -1 : (long long)bytes;
}

int sova_pack_index_read(const unsigned char *tail, size_t tail_len, uint64_t file_size, uint32_t pack,
			 struct sova_pack_entry **entries, size_t *n, size_t *cap)
{
	if (tail_len < SOVA_PACK_TRAILER_BYTES || tail_len > file_size)
		return -1;
	const unsigned char *trailer = tail + tail_len - SOVA_PACK_TRAILER_BYTES;
	long long index_bytes = sova_pack_index_bytes(trailer, file_size);
	if (index_bytes < 0 || (uint64_t)index_bytes != tail_len - SOVA_PACK_TRAILER_BYTES ||
	    sova_hash(tail, (size_t)index_bytes, 0) != sova_get_le64(trailer + 16))
		return -1;
	uint64_t data_end = file_size - tail_len;
	size_t count = (size_t)index_bytes / SOVA_PACK_RECORD_BYTES, first = *n;
	for (size_t i = 0; i < count; i++) {
		const unsigned char *r = tail + i * SOVA_PACK_RECORD_BYTES;
		struct sova_pack_entry e = { sova_get_le64(r), sova_get_le64(r + 16), get_u32(r + 8), get_u32(r + 12), pack };
		if (e.len == 0 || (uint64_t)e.offset + e.len > data_end) {
			*n = first;
			return -1;
		}
		SOVA_PUSH(*entries, *n, *cap, e);
	}
	return 0;
}

/* ---- finding entries ---- */

static void table_put(struct sova_packs *packs, struct sova_pack_entry e)
{
	size_t i = (size_t)e.key & packs->mask;
	while (packs->slots[i].pack)
		i = (i + 1) & packs->mask;
	packs->slots[i] = e;
	packs->nentries++;
}

static void table_grow(struct sova_packs *packs, size_t more)
{
	size_t cap = packs->slots ? packs->mask + 1 : 0;
	if ((packs->nentries + more) * 2 <= cap)
		return;
	size_t grown = cap ? cap : 64;
	while ((packs->nentries + more) * 2 > grown)
		grown *= 2;
	struct sova_pack_entry *old = packs->slots;
	packs->slots = sova_xcalloc(grown, sizeof(*packs->slots));
	packs->mask = grown - 1;
	packs->nentries = 0;
	for (size_t i = 0; i < cap; i++)
		if (old[i].pack)
			table_put(packs, old[i]);
	free(old);
}

const struct sova_pack_entry *sova_packs_find(const struct sova_packs *packs, uint64_t key, size_t *cursor)
{
	if (!packs->nentries)
		return NULL;
	/* The cursor counts probes from the key's home slot. */
	for (size_t i = ((size_t)key + *cursor) & packs->mask; packs->slots[i].pack; i = (i + 1) & packs->mask) {
		++*cursor;
		if (packs->slots[i].key == key)
			return &packs->slots[i];
	}
	return NULL;
}

/* ---- reading packs ---- */

/* The file's index (bytes read into a new buffer), or NULL when it has no
 * well-formed one. */
static unsigned char *read_tail(int fd, uint64_t size, size_t *len)
{
	unsigned char trailer[SOVA_PACK_TRAILER_BYTES];
	if (size < sizeof(trailer) ||
	    pread(fd, trailer, sizeof(trailer), (off_t)(size - sizeof(trailer))) != (ssize_t)sizeof(trailer))
		return NULL;
	long long index_bytes = sova_pack_index_bytes(trailer, size);
	if (index_bytes < 0)
		return NULL;
	*len = (size_t)index_bytes + sizeof(trailer);
	unsigned char *tail = sova_xmalloc(*len);
	if (pread(fd, tail, *len, (off_t)(size - *len)) != (ssize_t)*len) {
		free(tail);
		return NULL;
	}
	return tail;
}

/* Adds one pack's entries to the table; a pack that does not check out is
 * removed, since packs are renamed into place only when whole. */
static void load_pack(struct sova_packs *packs, char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		free(path);
		return;
	}
	size_t len = 0, n = 0, cap = 0;
	struct sova_pack_entry *entries = NULL;
	unsigned char *tail = read_tail(fd, (uint64_t)st.st_size, &len);
	uint32_t pack = (uint32_t)packs->nfiles + 1;
	if (!tail || sova_pack_index_read(tail, len, (uint64_t)st.st_size, pack, &entries, &n, &cap) != 0) {
		close(fd);
		unlink(path);
		free(path);
		free(tail);
		return;
	}
	free(tail);
	if (packs->nfiles >= MAX_OPEN_PACKS) {
		close(fd);
		fd = -1;
	}
	struct sova_pack_file file = { path, fd, 0 };
	SOVA_PUSH(packs->files, packs->nfiles, packs->capfiles, file);
	table_grow(packs, n);
	for (size_t i = 0; i < n; i++)
		table_put(packs, entries[i]);
	free(entries);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void sova_packs_open(struct sova_packs *packs, const char *dir, unsigned long long bound, char **paths, size_t n)
{
	memset(packs, 0, sizeof(*packs));
	pthread_mutex_init(&packs->writer.lock, NULL);
	packs->writer.fd = -1;
	unsigned long long eighth = bound / 8;
	packs->writer.max_bytes = eighth < PACK_MIN_BYTES   ? PACK_MIN_BYTES
				  : eighth > PACK_MAX_BYTES ? PACK_MAX_BYTES
							    : (uint32_t)eighth;
	if (!dir)
		return;
	packs->dir = sova_xstrdup(dir);
	/* Read in name order: the same folder gives the same table. */
	if (n)
		qsort(paths, n, sizeof(*paths), by_path);
	for (size_t i = 0; i < n; i++)
		load_pack(packs, paths[i]);
}

unsigned char *sova_packs_read(struct sova_packs *packs, const struct sova_pack_entry *entry)
{
	struct sova_pack_file *file = &packs->files[entry->pack - 1];
	int fd = file->fd >= 0 ? file->fd : open(file->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return NULL;
	unsigned char *data = sova_xmalloc(entry->len);
	int ok = pread(fd, data, entry->len, (off_t)entry->offset) == (ssize_t)entry->len &&
		 sova_hash(data, entry->len, 0) == entry->hash;
	if (fd != file->fd)
		close(fd);
	if (!ok) {
		free(data);
		return NULL;
	}
	return data;
}

void sova_packs_mark_used(struct sova_packs *packs, const struct sova_pack_entry *entry)
{
	struct sova_pack_file *file = &packs->files[entry->pack - 1];
	if (!atomic_exchange(&file->used, 1))
		utimensat(AT_FDCWD, file->path, NULL, AT_SYMLINK_NOFOLLOW);
}

/* ---- writing packs ---- */

/* A name no other run picks: this process, the time, and a count. */
static char *new_pack_temp(struct sova_packs *packs)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	uint64_t seed[4] = { (uint64_t)getpid(), (uint64_t)now.tv_sec, (uint64_t)now.tv_nsec, packs->writer.serial };
	return sova_xasprintf("%s/pack-%016llx.pack.tmp.XXXXXX", packs->dir,
			      (unsigned long long)sova_hash(seed, sizeof(seed), 0));
}

/* Forgets the pack being written; unlinks its temporary file unless it
 * was renamed into place. */
static void end_pack(struct sova_pack_writer *w, int renamed)
{
	if (w->fd >= 0)
		close(w->fd);
	if (!renamed)
		unlink(w->temp);
	free(w->temp);
	w->temp = NULL;
	w->fd = -1;
	w->size = 0;
	w->n = 0;
}

/* Writes the index and renames the pack into place; returns the index's
 * bytes, or 0 when the pack is lost. */
static size_t finish_locked(struct sova_packs *packs)
{
	struct sova_pack_writer *w = &packs->writer;
	if (!w->temp)
		return 0;
	size_t index_bytes = w->n * SOVA_PACK_RECORD_BYTES, len = index_bytes + SOVA_PACK_TRAILER_BYTES;
	unsigned char *tail = sova_xmalloc(len);
	for (size_t i = 0; i < w->n; i++) {
		unsigned char *r = tail + i * SOVA_PACK_RECORD_BYTES;
		sova_put_le64(r, w->index[i].key);
		put_u32(r + 8, w->index[i].offset);
		put_u32(r + 12, w->index[i].len);
		sova_put_le64(r + 16, w->index[i].hash);
	}
	unsigned char *trailer = tail + index_bytes;
	memcpy(trailer, PACK_MAGIC, 8);
	put_u32(trailer + 8, (uint32_t)w->n);
	put_u32(trailer + 12, 0);
	sova_put_le64(trailer + 16, sova_hash(tail, index_bytes, 0));
	int ok = sova_write_all(w->fd, tail, len) == 0;
	free(tail);
	ok = close(w->fd) == 0 && ok;
	w->fd = -1; /* closed, whatever close() said */
	/* The name is the temporary one without ".tmp.XXXXXX". */
	char *name = sova_xstrndup(w->temp, strlen(w->temp) - 11);
	ok = ok && rename(w->temp, name) == 0;
	free(name);
	end_pack(w, ok);
	w->serial++;
	return ok ? len : 0;
}

static int start_pack(struct sova_packs *packs)
{
	struct sova_pack_writer *w = &packs->writer;
	w->temp = new_pack_temp(packs);
	w->fd = mkstemp(w->temp);
	if (w->fd < 0) {
		free(w->temp);
		w->temp = NULL;
		return -1;
	}
	return 0;
}

size_t sova_packs_add(struct sova_packs *packs, uint64_t key, const void *data, size_t len)
{
	if (!packs->dir || len == 0 || len > SOVA_PACK_MAX_ENTRY)
		return 0;
	struct sova_pack_writer *w = &packs->writer;
	pthread_mutex_lock(&w->lock);
	size_t added = 0;
	if (w->temp || start_pack(packs) == 0) {
		if (sova_write_all(w->fd, data, len) == 0) {
			struct sova_pack_entry e = { key, sova_hash(data, len, 0), w->size, (uint32_t)len, 0 };
			SOVA_PUSH(w->index, w->n, w->cap, e);
			w->size += (uint32_t)len;
			added = len;
			if (w->size >= w->max_bytes)
				added += finish_locked(packs);
		} else {
			/* A short write leaves the pack's offsets unknown. */
			end_pack(w, 0);
		}
	}
	pthread_mutex_unlock(&w->lock);
	return added;
}

size_t sova_packs_finish(struct sova_packs *packs)
{
	pthread_mutex_lock(&packs->writer.lock);
	size_t added = finish_locked(packs);
	pthread_mutex_unlock(&packs->writer.lock);
	return added;
}

void sova_packs_close(struct sova_packs *packs)
{
	sova_packs_finish(packs);
	for (size_t i = 0; i < packs->nfiles; i++) {
		if (packs->files[i].fd >= 0)
			close(packs->files[i].fd);
		free(packs->files[i].path);
	}
	free(packs->files);
	free(packs->slots);
	free(packs->writer.index);
	pthread_mutex_destroy(&packs->writer.lock);
	free(packs->dir);
	memset(packs, 0, sizeof(*packs));
}
