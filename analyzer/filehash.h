/* filehash.h - the content hashes of files, kept between runs by their stat data.
 *
 * The cache decides what is unchanged by content: a TU's entry holds the
 * hash of every file it included, and a whole run the hash of every file it
 * read. Reading all of them is the cost of a run in which nothing changed:
 * tens of thousands of headers in a big project. Like git's index, the
 * hashes are kept with each file's size, times, inode and device; a file
 * whose stat data is unchanged is not read again. A file changed within two
 * seconds of the table being written could look unchanged by its times, so
 * those are always read ("racily clean"). */
#ifndef SOVA_FILEHASH_H
#define SOVA_FILEHASH_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util.h"

/* A file as stat() saw it. */
struct sova_file_stamp {
	uint64_t size, mtime_ns, ctime_ns, ino, dev;
};

struct sova_file_hash {
	struct sova_file_stamp stamp;
	uint64_t hash; /* 0: the file could not be read */
	int checked;   /* stamped this run, so the hash holds for the rest of it */
};

struct sova_filehashes {
	pthread_mutex_t lock; /* lookups come from every parse thread */
	struct sova_strmap index; /* path -> its place in files and paths */
	struct sova_file_hash *files;
	char **paths;
	size_t count, cap;
	char *table;         /* where the table is kept; NULL: this run only */
	uint64_t written_ns; /* when the table read at the start was written */
	uint64_t opened_ns;  /* when this run opened it */
	int changed;         /* the table must be written again */
	struct sova_strmap absent; /* path -> 1 when nothing is there, 0 when something is; this run only */
};

/* Opens the hashes, reading the table at table_path when there is one (a
 * missing or malformed table is an empty one). table_path NULL: nothing is
 * kept after the run. */
void sova_filehashes_open(struct sova_filehashes *fh, const char *table_path);

/* The hash of path's content now, never 0; 0 when it cannot be read. */
uint64_t sova_filehash(struct sova_filehashes *fh, const char *path);

/* 1 when nothing is at path now (no such file or directory), checked once
 * a run: a header searched there before the one found would be found
 * there once it exists (includes.h). Not kept between runs. */
int sova_file_absent(struct sova_filehashes *fh, const char *path);

/* As sova_file_absent, returning the table's copy of path when nothing is
 * there (it lives as long as fh), else NULL: a parse searches a million
 * paths, most of them many times. */
const char *sova_file_absent_path(struct sova_filehashes *fh, const char *path);

/* Every path found absent this run, sorted, in a new array of borrowed
 * strings: a run record is stale once one exists. */
const char **sova_file_absent_all(struct sova_filehashes *fh, size_t *n);

/* Offers path's content as the parser read it (data, len), with the
 * modification time the parser saw (seconds). When path's stat data show
 * it unchanged since (the same size and modification time, older than the
 * run by two seconds, so that a change after the parser's read would have
 * moved it), its hash is taken from data: a cold run need not read every
 * file a second time. Otherwise nothing happens, and sova_filehash() reads
 * the file. */
void sova_filehash_offer(struct sova_filehashes *fh, const char *path, const void *data, size_t len,
			 time_t seen_mtime);

/* Whether path's hash is still to be found this run: only then is an
 * offer of its content of any use. Getting a file's content from libclang
 * costs a walk over all of the TU's source locations (clang_getFileContents
 * in libclang 14), 3 % of a cold run when done for every inclusion. */
int sova_filehash_wanted(struct sova_filehashes *fh, const char *path);

/* Hashes the n paths on up to jobs threads, so that sova_filehash() then
 * answers from memory: a run checking 10,000 main files spends most of its
 * time in stat(), and the kernel serves two threads at once. */
void sova_filehash_preload(struct sova_filehashes *fh, const char *const *paths, size_t n, int jobs);

/* Writes the table back when it changed since the last save. */
void sova_filehashes_save(struct sova_filehashes *fh);
/* Saves the table, and frees everything. */
void sova_filehashes_close(struct sova_filehashes *fh);

#endif /* SOVA_FILEHASH_H */
