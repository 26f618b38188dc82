/* cachepack.h - many cache entries in one file, so that a cold run over
 * 10,000 TUs creates a few files instead of 10,000.
 *
 * Creating a file costs two path lookups (the temporary name, then the
 * rename), and on the machines measured those were most of what writing the
 * cache cost: 6 % of a cold run at 10,000 TUs. A run that stores many
 * entries appends them to a pack instead, as git packs its loose objects;
 * cache.c decides which entries go where, and reads both.
 *
 * A pack is "pack-<16 hex digits>.pack": the entries' bytes one after
 * another, then an index of PACK_RECORD_BYTES per entry (key, offset,
 * length, hash of the bytes), then a trailer (magic, count, hash of the
 * index). It is written under a temporary name and renamed when whole, and
 * never changed after; a pack whose index does not check out is removed,
 * and an entry whose bytes do not match their hash is not used. */
#ifndef SOVA_CACHEPACK_H
#define SOVA_CACHEPACK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define SOVA_PACK_RECORD_BYTES 24
#define SOVA_PACK_TRAILER_BYTES 24
/* A pack holds no entry bigger than this: those get files of their own. */
#define SOVA_PACK_MAX_ENTRY (8u << 20)

/* One entry of a pack: where its bytes are, and what they hash to. */
struct sova_pack_entry {
	uint64_t key;
	uint64_t hash; /* of the entry's bytes */
	uint32_t offset, len;
	uint32_t pack; /* which pack: its index in sova_packs.files, plus 1; 0 marks an empty slot */
};

struct sova_pack_file {
	char *path;
	int fd;            /* -1: opened again for each read, past MAX_OPEN_PACKS */
	atomic_uchar used; /* a hit this run has marked it used */
};

/* The pack this run is writing. */
struct sova_pack_writer {
	pthread_mutex_t lock;
	int fd;     /* open while temp is set */
	char *temp; /* NULL: no pack started */
	uint32_t size;      /* bytes of entries so far */
	uint32_t max_bytes; /* the size at which a pack is finished */
	struct sova_pack_entry *index;
	size_t n, cap;
	unsigned serial; /* packs this run finished: part of the next one's name */
};

struct sova_packs {
	char *dir; /* NULL: no packs */
	struct sova_pack_file *files;
	size_t nfiles, capfiles;
	struct sova_pack_entry *slots; /* open addressing by key; a key may be in several packs */
	size_t mask, nentries;
	struct sova_pack_writer writer;
};

/* Opens the packs of the cache folder dir (NULL: no cache), reading the
 * index of each of the n packs at paths (taking the strings; the caller
 * frees the array). Packs whose index does not check out are removed.
 * Packs written are finished at an eighth of the folder's bound, between
 * 64 KB and 32 MB. */
void sova_packs_open(struct sova_packs *packs, const char *dir, unsigned long long bound, char **paths, size_t n);

/* Finishes the pack being written, and frees everything. */
void sova_packs_close(struct sova_packs *packs);

/* The next entry kept under key, from *cursor on (0 to start); NULL when
 * there is none left. Stale copies of an entry stay in older packs until
 * those are pruned, so the caller tries each in turn. */
const struct sova_pack_entry *sova_packs_find(const struct sova_packs *packs, uint64_t key, size_t *cursor);

/* An entry's bytes (a new buffer), or NULL when they do not read back as
 * they were written. */
unsigned char *sova_packs_read(struct sova_packs *packs, const struct sova_pack_entry *entry);

/* A hit: marks the entry's pack used (its modification time), once a run. */
void sova_packs_mark_used(struct sova_packs *packs, const struct sova_pack_entry *entry);

/* Appends an entry to the pack being written, and finishes that pack when
 * it has grown to its size. Returns the bytes the folder gains (those
 * of a finished pack's index included), or 0 when the entry was not
 * written: too big for a pack, or an I/O error. Safe from several threads. */
size_t sova_packs_add(struct sova_packs *packs, uint64_t key, const void *data, size_t len);

/* Finishes the pack being written, if any: writes its index and gives it
 * its name. Returns the bytes of the index. */
size_t sova_packs_finish(struct sova_packs *packs);

/* The bytes of index that a pack's trailer announces, or -1 when trailer
 * (the last SOVA_PACK_TRAILER_BYTES of a file of file_size bytes) is not a
 * pack's trailer, or announces more than the file holds. */
long long sova_pack_index_bytes(const unsigned char *trailer, uint64_t file_size);

/* Checks a pack's index and trailer (tail, the last tail_len bytes of a file
 * of file_size bytes) and appends its entries, tagged with pack, to
 * *entries. Returns 0, or -1 when anything is out of bounds or does not
 * match its hash; nothing is appended then. */
int sova_pack_index_read(const unsigned char *tail, size_t tail_len, uint64_t file_size, uint32_t pack,
			 struct sova_pack_entry **entries, size_t *n, size_t *cap);

#endif /* SOVA_CACHEPACK_H */
