/* cache.h - per-TU summaries kept between runs, so unchanged files are not parsed.
 *
 * An entry is found by a key over the main file's path and content, the
 * compile flags and the sova binary itself; it is valid while every file
 * the TU included still has the content it had. Entries are written to a
 * temporary file and renamed, so two runs sharing a cache never see half an
 * entry; an entry that does not read back whole is ignored and rebuilt.
 * A run that stores many entries packs most of them into a few files
 * (cachepack.h). */
#ifndef SOVA_CACHE_H
#define SOVA_CACHE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cachepack.h"
#include "compdb.h"
#include "facts.h"
#include "filehash.h"
#include "util.h"

struct sova_cache {
	char *dir; /* NULL: no cache */
	unsigned long long max_size; /* bytes the folder may hold after a run */
	atomic_ullong added;         /* bytes of the entries this run wrote: the size is checked on closing */
	unsigned char folder_found[256]; /* per sub-folder of entries: there when the cache was opened */
	size_t nfolders_found;
	atomic_uchar folder_made[256];   /* found, or made since */
	atomic_size_t stored;            /* entries this run stored: the first LOOSE_PER_RUN get files of their own */
	struct sova_packs packs;
	uint64_t binary_hash;
	struct sova_filehashes files; /* content hashes, kept in the folder between runs */
};

/* Opens dir as the cache (dir NULL: no cache), to be kept under max_size
 * bytes. When dir cannot be created or written, the cache is off and *note
 * says why (a new string). */
void sova_cache_open(struct sova_cache *cache, const char *dir, unsigned long long max_size, char **note);

/* Whether a cache folder is open: entries are looked up and stored. */
int sova_cache_on(const struct sova_cache *cache);

/* Keys every entry and run record on the parser too (parse.h): text, and
 * the content of the library file (NULL: not known). */
void sova_cache_key_parser(struct sova_cache *cache, const char *text, const char *library);

/* Writes out what the run left to write: the packs being filled, the file
 * hashes; and a run that added entries brings the folder back under its
 * size: the entries used longest ago go first, as a hit marks an entry used
 * (its modification time, or its pack's: a pack goes whole). A pre-commit
 * hook run on every commit would otherwise keep an entry for every version
 * of every file. The size comes from the folder's usage record while that
 * is recent (cache.c). Called before the report is delivered, so that the
 * report is the run's last act; nothing may be added after it. */
void sova_cache_finish(struct sova_cache *cache);
/* Finishes the cache if that was not done, and frees it. */
void sova_cache_close(struct sova_cache *cache);

/* Fills facts from the cache; returns 1 on a valid entry, 0 otherwise. */
int sova_cache_lookup(struct sova_cache *cache, const struct sova_tu_cmd *cmd, struct sova_tu_facts *facts);

/* Decodes an entry's bytes into facts while every file the TU included is
 * unchanged (cache NULL: whatever the files hold now); returns 1 then, 0
 * for a stale or malformed entry. Entries are binary (facts_bin.h). */
int sova_cache_decode_entry(struct sova_cache *cache, const unsigned char *data, size_t len,
			    struct sova_tu_facts *facts);

/* A file's content as libclang read it, with the modification time it saw:
 * when the file is unchanged since, its hash comes from these bytes
 * (sova_filehash_offer). */
void sova_cache_offer(struct sova_cache *cache, const char *path, const char *text, size_t len, time_t seen_mtime);

/* Whether an offer of path's content would be used (sova_filehash_wanted). */
int sova_cache_wants(struct sova_cache *cache, const char *path);

/* Stores a TU's facts, unless the TU had an error; failures only cost the
 * next run a parse. The entry is stale once a file its includes show
 * changed, or once a file exists at one of the absent paths (searched for
 * a header before the one found, includes.h). */
void sova_cache_store(struct sova_cache *cache, const struct sova_tu_cmd *cmd, const struct sova_tu_facts *facts,
		      const char *const *absent, size_t nabsent);

/* When nothing is at path now, a copy of it that lives as long as the
 * cache; else NULL. Asked once a run (sova_file_absent_path). */
const char *sova_cache_absent(void *cache, const char *path);

/* A whole run: when nothing it read has changed, its output is replayed
 * without parsing, linking or analysing anything. */
struct sova_run_record {
	char *output; /* what went to -o or standard output */
	size_t output_len;
	char *messages; /* what went to standard error */
	size_t messages_len;
	int exit_code;
};

/* The key of a run: the binary, the command line, the working directory and
 * the content of every other file it reads (configuration, models, baseline). */
uint64_t sova_cache_run_key(struct sova_cache *cache, int argc, char *const *argv, char *const *files, size_t nfiles);

/* Fills record when the run with this key was recorded and every TU and
 * file it read is unchanged; returns 1 then, 0 otherwise. Files are checked
 * on up to jobs threads. */
int sova_cache_replay(struct sova_cache *cache, uint64_t key, const struct sova_compdb *db, int jobs,
		      struct sova_run_record *record);

/* Records a run, for sova_cache_replay. */
void sova_cache_record(struct sova_cache *cache, uint64_t key, const struct sova_compdb *db,
		       const struct sova_tu_facts *facts, const struct sova_run_record *record);

void sova_run_record_free(struct sova_run_record *record);

#endif /* SOVA_CACHE_H */
