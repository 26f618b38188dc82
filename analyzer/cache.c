/* cache.c - per-TU summaries kept between runs, so unchanged files are not parsed. */
#include "cache.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "facts_bin.h"
#include "filehash.h"

/* Bumped when the layout of an entry changes. */
#define CACHE_FORMAT 15
/* The table of file hashes (filehash.h), beside the entries. */
#define FILE_HASHES "file-hashes"
/* The bytes the entries took when last counted, plus what runs added since.
 * Counting means a stat() of every entry, 10,000 of them in a big project,
 * so a run that stays under the bound only adds to this record. Entries
 * written behind sova's back, or two runs adding at once, make it drift;
 * it is counted again once a day, and whenever it is missing or unreadable. */
#define USAGE "usage"
#define RECOUNT_SECONDS (24 * 3600)
/* A run's first entries get files of their own, and the rest go into packs.
 * A pre-commit run that parses a few TUs then adds no pack, and the number
 * of packs, each read at every start, grows only with big runs. */
#define LOOSE_PER_RUN 100
/* A loose entry and a run record start with a hash of the rest. */
#define ENTRY_SUM_BYTES 8
#define ENTRY_SUM_SEED 0x656e747279ULL

static int writable_dir(const char *dir, char **note)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		*note = sova_xasprintf("cannot create the cache folder %s (%s); running without a cache", dir,
				       strerror(errno));
		return 0;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		*note = sova_xasprintf("cannot write the cache folder %s (%s); running without a cache", dir,
				       strerror(errno));
		return 0;
	}
	return 1;
}

/* What sova itself writes into the folder: "run-<16 hex digits>.json",
 * packs ("pack-<16 hex digits>.pack"), the table of file hashes, the usage
 * record, sub-folders named by two hex digits holding "<16 hex
 * digits>.facts" that start with them, and those names with ".tmp.XXXXXX"
 * while being written. Older versions kept "<16 hex digits>.facts" and
 * ".json" entries in the folder itself. Nothing else in a folder given
 * with --cache is ever removed. Returns 1 for an
 * entry (the table and the record are none: they are never pruned), 2 for a
 * temporary file, 0 for anything else. */
static int cache_file_kind(const char *name)
{
	if (strncmp(name, FILE_HASHES ".tmp.", sizeof(FILE_HASHES ".tmp.") - 1) == 0)
		return strlen(name) == sizeof(FILE_HASHES ".tmp.") - 1 + 6 ? 2 : 0;
	if (strncmp(name, USAGE ".tmp.", sizeof(USAGE ".tmp.") - 1) == 0)
		return strlen(name) == sizeof(USAGE ".tmp.") - 1 + 6 ? 2 : 0;
	int pack = strncmp(name, "pack-", 5) == 0;
	const char *p = pack ? name + 5 : strncmp(name, "run-", 4) == 0 ? name + 4 : name;
	for (int i = 0; i < 16; i++, p++)
		if (!isxdigit((unsigned char)*p))
			return 0;
	const char *rest = NULL;
	if (pack)
		rest = strncmp(p, ".pack", 5) == 0 ? p + 5 : NULL;
	else if (strncmp(p, ".facts", 6) == 0)
		rest = p + 6;
	else if (strncmp(p, ".json", 5) == 0)
		rest = p + 5;
	if (!rest)
		return 0;
	if (*rest == '\0')
		return 1;
	return strncmp(rest, ".tmp.", 5) == 0 && strlen(rest + 5) == 6 ? 2 : 0;
}

/* Entries are spread over 256 sub-folders, by the first two digits of
 * their names, as git spreads its objects: creating 10,000 files in one
 * folder cost about 1 s on ext4, against 0.2-0.4 s spread out, and two
 * parse threads writing entries no longer wait for one folder's lock. */
static int is_entry_folder(const char *name)
{
	return isxdigit((unsigned char)name[0]) && !isupper((unsigned char)name[0]) &&
	       isxdigit((unsigned char)name[1]) && !isupper((unsigned char)name[1]) && name[2] == '\0';
}

/* A sub-folder's file: an entry only when its name starts with the folder's. */
static int entry_file_kind(const char *folder, const char *name)
{
	return strncmp(name, folder, 2) == 0 && !strstr(name, ".json") ? cache_file_kind(name) : 0;
}

/* A run killed while writing an entry leaves its temporary file behind.
 * Those older than an hour cannot belong to a run still going. */
#define STALE_TEMP_SECONDS 3600

static void remove_if_stale(const char *path, time_t now)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > STALE_TEMP_SECONDS)
		unlink(path);
}

/* An entry sub-folder is the cache's own only when it is a folder, not a
 * symlink to one: entries are never written through a link, which could
 * lead anywhere. A link by that name is removed, so that the folder can be
 * made. Returns 1 for a folder of the cache's own. */
static int own_folder(const char *dir, const char *name)
{
	char *sub = sova_xasprintf("%s/%s", dir, name);
	struct stat st;
	int own = lstat(sub, &st) == 0 && S_ISDIR(st.st_mode);
	if (!own && lstat(sub, &st) == 0 && !S_ISDIR(st.st_mode))
		unlink(sub);
	free(sub);
	return own;
}

/* Tells git, pre-commit and backup tools to leave the folder alone: a
 * .gitignore that ignores everything in it, and a CACHEDIR.TAG (the
 * Cache Directory Tagging Specification, https://bford.info/cachedir/).
 * Each is made once and never overwritten. */
static void write_marker(const char *dir, const char *name, const char *text)
{
	char *path = sova_xasprintf("%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd >= 0) {
		if (sova_write_all(fd, text, strlen(text)) != 0 || close(fd) != 0)
			unlink(path);
	}
	free(path);
}

static void mark_as_cache(const char *dir)
{
	write_marker(dir, "CACHEDIR.TAG",
		     "Signature: 8a477f597d28d172789f06886806bc55\n"
		     "# This file is a cache directory tag created by sova.\n"
		     "# For information about cache directory tags, see https://bford.info/cachedir/\n");
	write_marker(dir, ".gitignore", "# Created by sova: its cache is never committed.\n*\n");
}

/* Notes which sub-folders of entries exist: an entry in one that did not
 * cannot be one this run can use (a TU's entry is written once a run, after
 * its lookup), and a cold run would otherwise look for 10,000 missing
 * files. Opens the packs. Removes the folder's own stale temporary files;
 * the sub-folders' go when the entries are counted. */
static void scan_folder(struct sova_cache *cache, const char *dir)
{
	DIR *d = opendir(dir);
	time_t now = time(NULL);
	char **packs = NULL;
	size_t npacks = 0, cap = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		int kind = cache_file_kind(e->d_name);
		if (is_entry_folder(e->d_name)) {
			if (!own_folder(dir, e->d_name))
				continue;
			unsigned folder = (unsigned)strtoul(e->d_name, NULL, 16);
			cache->folder_found[folder] = 1;
			cache->nfolders_found++;
			atomic_store(&cache->folder_made[folder], 1);
		} else if (kind == 1 && strncmp(e->d_name, "pack-", 5) == 0) {
			SOVA_PUSH(packs, npacks, cap, sova_xasprintf("%s/%s", dir, e->d_name));
		} else if (kind == 2) {
			char *path = sova_xasprintf("%s/%s", dir, e->d_name);
			remove_if_stale(path, now);
			free(path);
		}
	}
	if (d)
		closedir(d);
	sova_packs_open(&cache->packs, dir, cache->max_size, packs, npacks);
	free(packs);
}

void sova_cache_open(struct sova_cache *cache, const char *dir, unsigned long long max_size, char **note)
{
	memset(cache, 0, sizeof(*cache));
	cache->max_size = max_size;
	*note = NULL;
	if (!dir || !writable_dir(dir, note)) {
		sova_filehashes_open(&cache->files, NULL);
		sova_packs_open(&cache->packs, NULL, max_size, NULL, 0);
		return;
	}
	mark_as_cache(dir);
	scan_folder(cache, dir);
	char *table = sova_xasprintf("%s/%s", dir, FILE_HASHES);
	sova_filehashes_open(&cache->files, table);
	free(table);
	/* The binary itself is in the key: a rebuilt sova may extract differently. */
	cache->binary_hash = sova_filehash(&cache->files, "/proc/self/exe");
	cache->dir = sova_xstrdup(dir);
}

void sova_cache_key_parser(struct sova_cache *cache, const char *text, const char *library)
{
	if (!cache->dir)
		return;
	uint64_t h = sova_hash(text, strlen(text), cache->binary_hash);
	if (library) {
		uint64_t content = sova_filehash(&cache->files, library);
		h = sova_hash(library, strlen(library) + 1, h);
		h = sova_hash(&content, sizeof(content), h);
	}
	cache->binary_hash = h;
}

struct cache_file {
	char *name;
	unsigned long long size;
	struct timespec used;
};

static int used_earlier(const void *a, const void *b)
{
	const struct cache_file *x = a, *y = b;
	if (x->used.tv_sec != y->used.tv_sec)
		return x->used.tv_sec < y->used.tv_sec ? -1 : 1;
	if (x->used.tv_nsec != y->used.tv_nsec)
		return x->used.tv_nsec < y->used.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

struct entry_list {
	struct cache_file *files;
	size_t n, cap;
	unsigned long long total;
};

/* Adds path (name: its part below the cache folder) when it is a file. */
static void add_entry(struct entry_list *list, const char *path, const char *name)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	struct cache_file f = { sova_xstrdup(name), (unsigned long long)st.st_size, st.st_mtim };
	SOVA_PUSH(list->files, list->n, list->cap, f);
	list->total += f.size;
}

/* The entries of one sub-folder; its stale temporary files go. A link
 * named like a sub-folder is not followed: nothing outside the folder is
 * counted or removed. */
static void list_folder(const char *dir, const char *folder, struct entry_list *list, time_t now)
{
	char *sub = sova_xasprintf("%s/%s", dir, folder);
	/* Never through a symlink: its entries are not the cache's to prune. */
	int fd = open(sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (fd >= 0 && !d)
		close(fd);
	for (struct dirent *e; d && (e = readdir(d));) {
		int kind = entry_file_kind(folder, e->d_name);
		if (!kind)
			continue;
		char *name = sova_xasprintf("%s/%s", folder, e->d_name);
		char *path = sova_xasprintf("%s/%s", dir, name);
		if (kind == 1)
			add_entry(list, path, name);
		else
			remove_if_stale(path, now);
		free(path);
		free(name);
	}
	if (d)
		closedir(d);
	free(sub);
}

/* Every entry, in the folder and its sub-folders, with its size and last
 * use; returns the total. */
static unsigned long long list_entries(const char *dir, struct cache_file **files, size_t *nfiles)
{
	struct entry_list list = { NULL, 0, 0, 0 };
	time_t now = time(NULL);
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		if (is_entry_folder(e->d_name)) {
			list_folder(dir, e->d_name, &list, now);
		} else if (cache_file_kind(e->d_name) == 1) {
			char *path = sova_xasprintf("%s/%s", dir, e->d_name);
			add_entry(&list, path, e->d_name);
			free(path);
		}
	}
	if (d)
		closedir(d);
	*files = list.files;
	*nfiles = list.n;
	return list.total;
}

/* Removes the entries used longest ago until the folder holds at most three
 * quarters of its limit, so that the next runs do not each remove one.
 * Returns the bytes the entries take afterwards. */
static unsigned long long prune(struct sova_cache *cache)
{
	struct cache_file *files;
	size_t n;
	unsigned long long total = list_entries(cache->dir, &files, &n);
	if (total > cache->max_size) {
		qsort(files, n, sizeof(*files), used_earlier);
		unsigned long long goal = cache->max_size / 4 * 3;
		for (size_t i = 0; i < n && total > goal; i++) {
			char *path = sova_xasprintf("%s/%s", cache->dir, files[i].name);
			if (unlink(path) == 0)
				total -= files[i].size;
			free(path);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(files[i].name);
	free(files);
	return total;
}

/* The usage record: "sova-cache-usage 1 BYTES COUNTED_AT\n". Returns 1
 * when it is there and well formed. */
static int read_usage(const char *path, unsigned long long *bytes, long long *counted_at)
{
	size_t len;
	const char *why;
	char *text = sova_read_file(path, &len, &why);
	int end = 0;
	int ok = text && sscanf(text, "sova-cache-usage 1 %llu %lld\n%n", bytes, counted_at, &end) == 2 &&
		 (size_t)end == len;
	free(text);
	return ok;
}

static void write_usage(const char *path, unsigned long long bytes, long long counted_at)
{
	char text[80];
	int n = snprintf(text, sizeof(text), "sova-cache-usage 1 %llu %lld\n", bytes, counted_at);
	sova_write_atomically(path, text, (size_t)n);
}

/* After a run that added entries: adds them to the usage record while it is
 * recent and stays under the bound, else counts the folder again and prunes. */
static void keep_in_bounds(struct sova_cache *cache)
{
	char *path = sova_xasprintf("%s/%s", cache->dir, USAGE);
	unsigned long long bytes, added = atomic_load(&cache->added);
	long long counted_at, now = (long long)time(NULL);
	if (read_usage(path, &bytes, &counted_at) && counted_at <= now && now - counted_at < RECOUNT_SECONDS &&
	    bytes <= cache->max_size && added <= cache->max_size - bytes)
		write_usage(path, bytes + added, counted_at);
	else
		write_usage(path, prune(cache), now);
	free(path);
}

/* A hit: the entry was used now, whatever its age. */
static void mark_used(const char *path)
{
	utimensat(AT_FDCWD, path, NULL, 0);
}

void sova_cache_finish(struct sova_cache *cache)
{
	atomic_fetch_add(&cache->added, sova_packs_finish(&cache->packs));
	if (cache->dir && atomic_load(&cache->added))
		keep_in_bounds(cache);
	atomic_store(&cache->added, 0); /* counted once, if finished twice */
	sova_filehashes_save(&cache->files);
}

void sova_cache_close(struct sova_cache *cache)
{
	sova_cache_finish(cache);
	free(cache->dir);
	sova_packs_close(&cache->packs);
	sova_filehashes_close(&cache->files);
	memset(cache, 0, sizeof(*cache));
}

/* The entry's key: the TU as the compile database describes it. */
static uint64_t entry_key(struct sova_cache *cache, const struct sova_tu_cmd *cmd)
{
	uint64_t h = sova_hash(SOVA_VERSION, sizeof(SOVA_VERSION), cache->binary_hash + CACHE_FORMAT);
	h = sova_hash(cmd->file, strlen(cmd->file) + 1, h);
	h = sova_hash(cmd->directory, strlen(cmd->directory) + 1, h);
	for (size_t i = 0; i < cmd->nargs; i++)
		h = sova_hash(cmd->args[i], strlen(cmd->args[i]) + 1, h);
	uint64_t content = sova_filehash(&cache->files, cmd->file);
	return sova_hash(&content, sizeof(content), h);
}

/* Where the entry with this key is kept when it has a file of its own. */
static char *loose_path(const struct sova_cache *cache, uint64_t key)
{
	return sova_xasprintf("%s/%02x/%016llx.facts", cache->dir, (unsigned)(key >> 56), (unsigned long long)key);
}

/* The TU's entry as a run record names it. */
static void entry_name(struct sova_cache *cache, const struct sova_tu_cmd *cmd, char name[32])
{
	snprintf(name, 32, "%016llx.facts", (unsigned long long)entry_key(cache, cmd));
}

/* Creates the sub-folder of the entry with this key, once a run; returns
 * 1 when it is a folder of the cache's own. One planted as a symlink is
 * never written through. */
static int make_entry_folder(struct sova_cache *cache, uint64_t key)
{
	unsigned folder = (unsigned)(key >> 56);
	if (atomic_load(&cache->folder_made[folder]))
		return 1;
	char *sub = sova_xasprintf("%s/%02x", cache->dir, folder);
	struct stat st;
	int made = (mkdir(sub, 0777) == 0 || errno == EEXIST) && lstat(sub, &st) == 0 && S_ISDIR(st.st_mode);
	if (made)
		atomic_store(&cache->folder_made[folder], 1);
	free(sub);
	return made;
}

/* Every dependency still has the content it had. */
static int deps_current(struct sova_cache *cache, const cJSON *deps)
{
	if (!cJSON_IsArray(deps))
		return 0;
	for (const cJSON *d = deps->child; d; d = d->next) {
		const cJSON *path = cJSON_GetArrayItem(d, 0), *hash = cJSON_GetArrayItem(d, 1);
		if (!cJSON_IsString(path) || !cJSON_IsString(hash))
			return 0;
		char now[32];
		snprintf(now, sizeof(now), "%016llx", (unsigned long long)sova_filehash(&cache->files, path->valuestring));
		if (strcmp(now, hash->valuestring) != 0)
			return 0;
	}
	return 1;
}

/* A run record is the hash of its JSON, in 16 hex digits and a newline,
 * then the JSON: a changed byte makes it a miss, never a different replay. */
#define RECORD_SUM_DIGITS 16

/* The JSON of a run record, or NULL when it is missing, altered or not
 * JSON; frees path. */
static cJSON *read_entry(char *path)
{
	size_t len;
	const char *why;
	char *text = sova_read_file(path, &len, &why);
	free(path);
	cJSON *root = NULL;
	if (text && len > RECORD_SUM_DIGITS && text[RECORD_SUM_DIGITS] == '\n') {
		char sum[RECORD_SUM_DIGITS + 1];
		const char *json = text + RECORD_SUM_DIGITS + 1;
		size_t json_len = len - RECORD_SUM_DIGITS - 1;
		snprintf(sum, sizeof(sum), "%016llx", (unsigned long long)sova_hash(json, json_len, ENTRY_SUM_SEED));
		if (memcmp(sum, text, RECORD_SUM_DIGITS) == 0)
			root = cJSON_ParseWithLength(json, json_len);
	}
	free(text);
	return root;
}

/* Every dependency of an entry still has the content it had (cache NULL:
 * the dependencies are only read). */
static int bin_deps_current(struct sova_cache *cache, struct sova_bin_reader *r)
{
	size_t n = sova_bin_get_count(r);
	for (size_t i = 0; i < n && !r->bad; i++) {
		const char *path = sova_bin_get_str(r);
		uint64_t hash = sova_bin_get_uint(r);
		if (!path || r->bad || (cache && sova_filehash(&cache->files, path) != hash))
			return 0;
	}
	return !r->bad;
}

/* Nothing is yet where the preprocessor searched before it found each
 * header (includes.h): a file there now would be included instead. */
static int bin_absent_current(struct sova_cache *cache, struct sova_bin_reader *r)
{
	size_t count = sova_bin_get_count(r);
	char path[PATH_MAX];
	for (size_t i = 0; i < count && !r->bad; i++) {
		const char *dir = sova_bin_get_str(r), *name = sova_bin_get_str(r);
		if (!dir || !name || r->bad)
			return 0;
		/* Joined by hand: a warm run of glib checks 1.7 million of these. */
		size_t ndir = strlen(dir), nname = strlen(name);
		if (ndir + 1 + nname >= sizeof(path))
			return 0;
		memcpy(path, dir, ndir);
		path[ndir] = '/';
		memcpy(path + ndir + 1, name, nname + 1);
		if (cache && !sova_file_absent(&cache->files, path))
			return 0;
	}
	return !r->bad;
}

/* An absent path as its directory and the rest, written as two strings:
 * a TU searches a few directories for a few hundred names, and the
 * entry's string table keeps each once (thousands of paths in a
 * 10 KB entry, not 150 KB). */
static void put_absent_path(struct sova_bin_writer *w, struct sova_strpool *parts, const char *path)
{
	/* The writer shares a string by its address: equal parts must be one. */
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path) : 0;
	char *dir = sova_xstrndup(path, dir_len);
	sova_bin_put_str(w, sova_strpool_add(parts, dir));
	sova_bin_put_str(w, sova_strpool_add(parts, slash ? slash + 1 : path));
	free(dir);
}

const char *sova_cache_absent(void *cache, const char *path)
{
	return sova_file_absent_path(&((struct sova_cache *)cache)->files, path);
}

int sova_cache_decode_entry(struct sova_cache *cache, const unsigned char *data, size_t len,
			    struct sova_tu_facts *facts)
{
	struct sova_bin_reader r;
	memset(facts, 0, sizeof(*facts));
	int hit = sova_bin_reader_open(&r, data, len, &facts->strings) == 0;
	if (hit) {
		hit = bin_deps_current(cache, &r) && bin_absent_current(cache, &r) && sova_bin_get_facts(&r, facts) == 0;
		sova_bin_reader_close(&r);
	}
	if (!hit)
		sova_tu_facts_free(facts);
	return hit;
}

/* Packs first: a cold run of a big project put most entries there. An
 * older pack may hold a stale copy of an entry, so each is tried. */
static int lookup_packed(struct sova_cache *cache, uint64_t key, struct sova_tu_facts *facts)
{
	size_t cursor = 0;
	for (const struct sova_pack_entry *e; (e = sova_packs_find(&cache->packs, key, &cursor));) {
		unsigned char *data = sova_packs_read(&cache->packs, e);
		int hit = data && sova_cache_decode_entry(cache, data, e->len, facts);
		free(data);
		if (hit) {
			sova_packs_mark_used(&cache->packs, e);
			return 1;
		}
	}
	return 0;
}

static int lookup_loose(struct sova_cache *cache, uint64_t key, struct sova_tu_facts *facts)
{
	if (!cache->folder_found[key >> 56])
		return 0;
	char *path = loose_path(cache, key);
	size_t len;
	const char *why;
	char *data = sova_read_file(path, &len, &why);
	int hit = data && len >= ENTRY_SUM_BYTES && sova_get_le64((const unsigned char *)data) ==
					    sova_hash(data + ENTRY_SUM_BYTES, len - ENTRY_SUM_BYTES, ENTRY_SUM_SEED) &&
		  sova_cache_decode_entry(cache, (const unsigned char *)data + ENTRY_SUM_BYTES, len - ENTRY_SUM_BYTES, facts);
	if (hit)
		mark_used(path);
	free(path);
	free(data);
	return hit;
}

int sova_cache_lookup(struct sova_cache *cache, const struct sova_tu_cmd *cmd, struct sova_tu_facts *facts)
{
	/* In an empty cache nothing can hit, and the key can wait for the store,
	 * which hashes the main file from what libclang read. */
	if (!cache->dir || (!cache->nfolders_found && !cache->packs.nentries))
		return 0;
	uint64_t key = entry_key(cache, cmd);
	return lookup_packed(cache, key, facts) || lookup_loose(cache, key, facts);
}

static cJSON *deps_json(struct sova_cache *cache, const struct sova_tu_facts *facts)
{
	cJSON *deps = cJSON_CreateArray();
	for (size_t i = 0; i < facts->nincludes; i++) {
		if (facts->includes[i][0] != '/')
			continue;
		char hash[32];
		snprintf(hash, sizeof(hash), "%016llx", (unsigned long long)sova_filehash(&cache->files, facts->includes[i]));
		cJSON *d = cJSON_CreateArray();
		cJSON_AddItemToArray(d, cJSON_CreateString(facts->includes[i]));
		cJSON_AddItemToArray(d, cJSON_CreateString(hash));
		cJSON_AddItemToArray(deps, d);
	}
	return deps;
}

/* Writes root to path as a run record, taking both, and counts the bytes as added. */
static void write_json(struct sova_cache *cache, char *path, cJSON *root)
{
	char *json = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	char *text = json ? sova_xasprintf("%016llx\n%s", (unsigned long long)sova_hash(json, strlen(json), ENTRY_SUM_SEED), json)
			  : NULL;
	size_t len = text ? strlen(text) : 0;
	if (text && sova_write_atomically(path, text, len) == 0)
		atomic_fetch_add(&cache->added, len);
	free(path);
	free(json);
	free(text);
}

void sova_cache_offer(struct sova_cache *cache, const char *path, const char *text, size_t len, time_t seen_mtime)
{
	if (cache->dir)
		sova_filehash_offer(&cache->files, path, text, len, seen_mtime);
}

int sova_cache_on(const struct sova_cache *cache)
{
	return cache->dir != NULL;
}

int sova_cache_wants(struct sova_cache *cache, const char *path)
{
	return cache->dir && sova_filehash_wanted(&cache->files, path);
}

/* A loose entry starts with the hash of the rest, as a pack's entries
 * are checked: a changed byte makes it a miss, never different facts. */
static void store_loose(struct sova_cache *cache, uint64_t key, const unsigned char *data, size_t len)
{
	if (!make_entry_folder(cache, key))
		return;
	char *path = loose_path(cache, key);
	unsigned char *summed = sova_xmalloc(len + ENTRY_SUM_BYTES);
	sova_put_le64(summed, sova_hash(data, len, ENTRY_SUM_SEED));
	memcpy(summed + ENTRY_SUM_BYTES, data, len);
	if (sova_write_atomically(path, summed, len + ENTRY_SUM_BYTES) == 0)
		atomic_fetch_add(&cache->added, len + ENTRY_SUM_BYTES);
	free(summed);
	free(path);
}

void sova_cache_store(struct sova_cache *cache, const struct sova_tu_cmd *cmd, const struct sova_tu_facts *facts,
		      const char *const *absent, size_t nabsent)
{
	/* A TU that failed, or had any error, is parsed again next time: the
	 * cause may be gone (a generated header that now exists). */
	if (!cache->dir || !sova_tu_cacheable(facts))
		return;
	struct sova_bin_writer w;
	sova_bin_writer_init(&w);
	size_t ndeps = 0;
	for (size_t i = 0; i < facts->nincludes; i++)
		ndeps += facts->includes[i][0] == '/';
	sova_bin_put_uint(&w, ndeps);
	for (size_t i = 0; i < facts->nincludes; i++) {
		if (facts->includes[i][0] != '/')
			continue;
		sova_bin_put_str(&w, facts->includes[i]);
		sova_bin_put_uint(&w, sova_filehash(&cache->files, facts->includes[i]));
	}
	/* The parts live until the writer finishes: it keeps their addresses. */
	struct sova_strpool parts = { 0 };
	sova_bin_put_uint(&w, nabsent);
	for (size_t i = 0; i < nabsent; i++)
		put_absent_path(&w, &parts, absent[i]);
	sova_bin_put_facts(&w, facts);
	size_t len;
	unsigned char *data = sova_bin_writer_finish(&w, &len);
	sova_strpool_free(&parts);
	uint64_t key = entry_key(cache, cmd);
	size_t packed = atomic_fetch_add(&cache->stored, 1) >= LOOSE_PER_RUN
				? sova_packs_add(&cache->packs, key, data, len)
				: 0;
	if (packed)
		atomic_fetch_add(&cache->added, packed);
	else
		store_loose(cache, key, data, len);
	free(data);
}

/* ---- whole runs ---- */

uint64_t sova_cache_run_key(struct sova_cache *cache, int argc, char *const *argv, char *const *files, size_t nfiles)
{
	uint64_t h = cache->binary_hash ^ 0x72756e;
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof(cwd)))
		h = sova_hash(cwd, strlen(cwd) + 1, h);
	for (int i = 0; i < argc; i++) {
		/* Where the output goes does not change what it is. */
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			i++;
			continue;
		}
		h = sova_hash(argv[i], strlen(argv[i]) + 1, h);
	}
	for (size_t i = 0; i < nfiles; i++) {
		uint64_t content = sova_filehash(&cache->files, files[i]);
		h = sova_hash(files[i], strlen(files[i]) + 1, h);
		h = sova_hash(&content, sizeof(content), h);
	}
	return h;
}

static char *run_path(const struct sova_cache *cache, uint64_t key)
{
	return sova_xasprintf("%s/run-%016llx.json", cache->dir, (unsigned long long)key);
}

/* The TUs are the same ones, with the same flags and main-file contents. */
static int same_tus(struct sova_cache *cache, const cJSON *tus, const struct sova_compdb *db, int jobs)
{
	if (!cJSON_IsArray(tus) || (size_t)cJSON_GetArraySize(tus) != db->ntus)
		return 0;
	const char **files = sova_xcalloc(db->ntus + 1, sizeof(*files));
	for (size_t i = 0; i < db->ntus; i++)
		files[i] = db->tus[i].file;
	sova_filehash_preload(&cache->files, files, db->ntus, jobs);
	free(files);
	const cJSON *t = tus->child;
	for (size_t i = 0; i < db->ntus; i++, t = t->next) {
		char name[32];
		entry_name(cache, &db->tus[i], name);
		if (!cJSON_IsString(t) || strcmp(name, t->valuestring) != 0)
			return 0;
	}
	return 1;
}

/* Nothing exists yet where any TU's headers were searched for first:
 * absent is {"directory": ["name", ...], ...}. */
static int absent_current(struct sova_cache *cache, const cJSON *absent)
{
	if (!cJSON_IsObject(absent))
		return 0;
	char path[PATH_MAX];
	for (const cJSON *dir = absent->child; dir; dir = dir->next) {
		if (!cJSON_IsArray(dir) || !dir->string)
			return 0;
		for (const cJSON *name = dir->child; name; name = name->next) {
			int n = cJSON_IsString(name) ? snprintf(path, sizeof(path), "%s/%s", dir->string, name->valuestring)
						     : -1;
			if (n < 0 || (size_t)n >= sizeof(path) || !sova_file_absent(&cache->files, path))
				return 0;
		}
	}
	return 1;
}

/* Every path found absent this run (where the TUs parsed searched first,
 * and what the entries used said was absent), by directory. */
static cJSON *absent_json(struct sova_cache *cache)
{
	cJSON *absent = cJSON_CreateObject(), *names = NULL;
	size_t n;
	const char **paths = sova_file_absent_all(&cache->files, &n);
	char *last_dir = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(paths[i], '/');
		size_t dir_len = slash ? (size_t)(slash - paths[i]) : 0;
		if (!last_dir || strlen(last_dir) != dir_len || strncmp(last_dir, paths[i], dir_len) != 0) {
			free(last_dir);
			last_dir = sova_xstrndup(paths[i], dir_len);
			names = cJSON_GetObjectItemCaseSensitive(absent, last_dir);
			if (!names)
				cJSON_AddItemToObject(absent, last_dir, names = cJSON_CreateArray());
		}
		cJSON_AddItemToArray(names, cJSON_CreateString(slash ? slash + 1 : paths[i]));
	}
	free(last_dir);
	free(paths);
	return absent;
}

static char *take_member(const cJSON *root, const char *key, size_t *len)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
	if (!cJSON_IsString(v))
		return NULL;
	*len = strlen(v->valuestring);
	return sova_xstrdup(v->valuestring);
}

int sova_cache_replay(struct sova_cache *cache, uint64_t key, const struct sova_compdb *db, int jobs,
		      struct sova_run_record *record)
{
	memset(record, 0, sizeof(*record));
	if (!cache->dir)
		return 0;
	cJSON *root = read_entry(run_path(cache, key));
	const cJSON *exit_code = cJSON_GetObjectItemCaseSensitive(root, "exit");
	/* Only complete runs are recorded: they exit 0 or 1. */
	int hit = root && cJSON_IsNumber(exit_code) && (exit_code->valueint == 0 || exit_code->valueint == 1) &&
		  exit_code->valuedouble == exit_code->valueint &&
		  same_tus(cache, cJSON_GetObjectItemCaseSensitive(root, "tus"), db, jobs) &&
		  deps_current(cache, cJSON_GetObjectItemCaseSensitive(root, "deps")) &&
		  absent_current(cache, cJSON_GetObjectItemCaseSensitive(root, "absent"));
	if (hit) {
		record->output = take_member(root, "output", &record->output_len);
		record->messages = take_member(root, "messages", &record->messages_len);
		record->exit_code = exit_code->valueint;
		hit = record->output && record->messages;
	}
	cJSON_Delete(root);
	if (hit) {
		char *path = run_path(cache, key);
		mark_used(path);
		free(path);
	} else {
		sova_run_record_free(record);
	}
	return hit;
}


void sova_cache_record(struct sova_cache *cache, uint64_t key, const struct sova_compdb *db,
		       const struct sova_tu_facts *facts, const struct sova_run_record *record)
{
	if (!cache->dir || memchr(record->output, '\0', record->output_len) ||
	    memchr(record->messages, '\0', record->messages_len))
		return;
	for (size_t i = 0; i < db->ntus; i++)
		if (!sova_tu_cacheable(&facts[i]))
			return;
	cJSON *root = cJSON_CreateObject(), *tus = cJSON_CreateArray();
	for (size_t i = 0; i < db->ntus; i++) {
		char name[32];
		entry_name(cache, &db->tus[i], name);
		cJSON_AddItemToArray(tus, cJSON_CreateString(name));
	}
	cJSON_AddItemToObject(root, "tus", tus);
	/* Every file any TU included, once. */
	struct sova_tu_facts all = { 0 };
	struct sova_strmap seen;
	sova_strmap_init(&seen);
	for (size_t i = 0; i < db->ntus; i++) {
		for (size_t k = 0; k < facts[i].nincludes; k++) {
			if (sova_strmap_get(&seen, facts[i].includes[k]) >= 0)
				continue;
			sova_strmap_put(&seen, facts[i].includes[k], 1);
			SOVA_PUSH(all.includes, all.nincludes, all.capincludes, facts[i].includes[k]);
		}
	}
	/* Every path found absent this run: where the TUs parsed searched
	 * first, and what the entries used said was absent. */
	cJSON *absent = absent_json(cache);
	sova_strmap_free(&seen);
	cJSON_AddItemToObject(root, "deps", deps_json(cache, &all));
	cJSON_AddItemToObject(root, "absent", absent);
	free(all.includes);
	cJSON_AddNumberToObject(root, "exit", record->exit_code);
	cJSON_AddItemToObject(root, "output", cJSON_CreateString(record->output));
	cJSON_AddItemToObject(root, "messages", cJSON_CreateString(record->messages));
	write_json(cache, run_path(cache, key), root);
}

void sova_run_record_free(struct sova_run_record *record)
{
	free(record->output);
	free(record->messages);
	memset(record, 0, sizeof(*record));
}
