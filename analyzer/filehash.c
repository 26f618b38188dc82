/* filehash.c - the content hashes of files, kept between runs by their stat data. */
#include "filehash.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "facts_bin.h"
#include "strpool.h"

/* Coarser than any file system's time stamps that sova meets (FAT: 2 s). */
#define RACY_NS 2000000000ULL

static uint64_t ns_of(struct timespec t)
{
	return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

static int stamp_of(const char *path, struct sova_file_stamp *out)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	*out = (struct sova_file_stamp){ (uint64_t)st.st_size, ns_of(st.st_mtim), ns_of(st.st_ctim), (uint64_t)st.st_ino,
					 (uint64_t)st.st_dev };
	return 0;
}

static int same_stamp(const struct sova_file_stamp *a, const struct sova_file_stamp *b)
{
	return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns && a->ino == b->ino &&
	       a->dev == b->dev;
}

static void add_file(struct sova_filehashes *fh, const char *path, const struct sova_file_hash *file)
{
	SOVA_GROW(fh->files, fh->count, fh->cap);
	fh->paths = sova_xrealloc(fh->paths, fh->cap, sizeof(*fh->paths));
	fh->files[fh->count] = *file;
	fh->paths[fh->count] = sova_xstrdup(path);
	sova_strmap_put(&fh->index, path, (int)fh->count);
	fh->count++;
}

static void forget_all(struct sova_filehashes *fh)
{
	for (size_t i = 0; i < fh->count; i++)
		free(fh->paths[i]);
	free(fh->paths);
	free(fh->files);
	sova_strmap_free(&fh->index);
	fh->paths = NULL;
	fh->files = NULL;
	fh->count = fh->cap = 0;
}

/* The table as the last run left it; anything malformed leaves it empty. */
static void load_table(struct sova_filehashes *fh)
{
	struct stat st;
	size_t len;
	const char *why;
	char *data = stat(fh->table, &st) == 0 ? sova_read_file(fh->table, &len, &why) : NULL;
	struct sova_strpool strings = { 0 };
	struct sova_bin_reader r;
	if (!data || sova_bin_reader_open(&r, (const unsigned char *)data, len, &strings) != 0) {
		free(data);
		sova_strpool_free(&strings);
		return;
	}
	fh->written_ns = ns_of(st.st_mtim);
	size_t n = sova_bin_get_count(&r);
	for (size_t i = 0; i < n && !r.bad; i++) {
		const char *path = sova_bin_get_str(&r);
		struct sova_file_hash file = { { 0 }, 0, 0 };
		file.stamp.size = sova_bin_get_uint(&r);
		file.stamp.mtime_ns = sova_bin_get_uint(&r);
		file.stamp.ctime_ns = sova_bin_get_uint(&r);
		file.stamp.ino = sova_bin_get_uint(&r);
		file.stamp.dev = sova_bin_get_uint(&r);
		file.hash = sova_bin_get_uint(&r);
		if (!path || r.bad || sova_strmap_get(&fh->index, path) >= 0)
			r.bad = 1;
		else
			add_file(fh, path, &file);
	}
	if (r.bad)
		forget_all(fh);
	sova_bin_reader_close(&r);
	sova_strpool_free(&strings);
	free(data);
}

void sova_filehashes_open(struct sova_filehashes *fh, const char *table_path)
{
	memset(fh, 0, sizeof(*fh));
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	fh->opened_ns = ns_of(now);
	pthread_mutex_init(&fh->lock, NULL);
	sova_strmap_init(&fh->index);
	sova_strmap_init(&fh->absent);
	if (table_path) {
		fh->table = sova_xstrdup(table_path);
		load_table(fh);
	}
}

/* The last run's hash, when path's stat data says it cannot have changed. */
static int still_valid(const struct sova_filehashes *fh, const struct sova_file_hash *known,
		       const struct sova_file_stamp *now)
{
	return same_stamp(&known->stamp, now) && now->mtime_ns + RACY_NS < fh->written_ns &&
	       now->ctime_ns + RACY_NS < fh->written_ns;
}

static uint64_t content_hash(const char *path)
{
	const char *why;
	uint64_t h;
	return sova_hash_file(path, 0, &h, &why) ? h | 1 : 0; /* as sova_filehash_offer */
}

/* What the table knew of path before this run's check; returns its index or -1. */
static int known_hash(struct sova_filehashes *fh, const char *path, struct sova_file_hash *known)
{
	pthread_mutex_lock(&fh->lock);
	int i = sova_strmap_get(&fh->index, path);
	*known = i >= 0 ? fh->files[i] : (struct sova_file_hash){ { 0 }, 0, 0 };
	pthread_mutex_unlock(&fh->lock);
	return i;
}

/* Keeps this run's check of path, unless another thread's came first;
 * returns the hash that holds for the run. */
static uint64_t remember(struct sova_filehashes *fh, const char *path, const struct sova_file_hash *now, int reused)
{
	pthread_mutex_lock(&fh->lock);
	int i = sova_strmap_get(&fh->index, path);
	if (i < 0) {
		add_file(fh, path, now);
		i = (int)fh->count - 1;
	} else if (!fh->files[i].checked) {
		fh->files[i] = *now;
	}
	fh->changed |= !reused;
	uint64_t h = fh->files[i].hash;
	pthread_mutex_unlock(&fh->lock);
	return h;
}

uint64_t sova_filehash(struct sova_filehashes *fh, const char *path)
{
	struct sova_file_hash known;
	int i = known_hash(fh, path, &known);
	if (i >= 0 && known.checked)
		return known.hash;
	struct sova_file_hash now = { { 0 }, 0, 1 };
	int stamped = stamp_of(path, &now.stamp) == 0;
	int reused = stamped && i >= 0 && still_valid(fh, &known, &now.stamp);
	now.hash = reused ? known.hash : stamped ? content_hash(path) : 0;
	return remember(fh, path, &now, reused);
}

const char *sova_file_absent_path(struct sova_filehashes *fh, const char *path)
{
	int absent;
	pthread_mutex_lock(&fh->lock);
	const char *known = sova_strmap_key(&fh->absent, path, &absent);
	pthread_mutex_unlock(&fh->lock);
	if (known)
		return absent ? known : NULL;
	struct stat st;
	absent = stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
	pthread_mutex_lock(&fh->lock);
	/* Another thread may have put it meanwhile: its answer stands. */
	known = sova_strmap_key(&fh->absent, path, &absent);
	if (!known) {
		sova_strmap_put(&fh->absent, path, absent);
		known = sova_strmap_key(&fh->absent, path, &absent);
	}
	pthread_mutex_unlock(&fh->lock);
	return absent ? known : NULL;
}

int sova_file_absent(struct sova_filehashes *fh, const char *path)
{
	return sova_file_absent_path(fh, path) != NULL;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **sova_file_absent_all(struct sova_filehashes *fh, size_t *n)
{
	const char **paths = sova_xcalloc(fh->absent.count + 1, sizeof(*paths));
	*n = 0;
	for (size_t i = 0; i < fh->absent.cap; i++)
		if (fh->absent.keys[i] && fh->absent.values[i] == 1)
			paths[(*n)++] = fh->absent.keys[i];
	qsort(paths, *n, sizeof(*paths), by_text);
	return paths;
}

int sova_filehash_wanted(struct sova_filehashes *fh, const char *path)
{
	struct sova_file_hash known;
	return known_hash(fh, path, &known) < 0 || !known.checked;
}

void sova_filehash_offer(struct sova_filehashes *fh, const char *path, const void *data, size_t len,
			 time_t seen_mtime)
{
	struct sova_file_hash known;
	int i = known_hash(fh, path, &known);
	if (i >= 0 && known.checked)
		return;
	struct sova_file_hash now = { { 0 }, 0, 1 };
	if (stamp_of(path, &now.stamp) != 0 || now.stamp.size != len ||
	    now.stamp.mtime_ns / 1000000000ULL != (uint64_t)seen_mtime || now.stamp.mtime_ns + RACY_NS >= fh->opened_ns)
		return;
	int reused = i >= 0 && still_valid(fh, &known, &now.stamp);
	now.hash = reused ? known.hash : sova_hash(data, len, 0) | 1;
	remember(fh, path, &now, reused);
}

struct preload {
	struct sova_filehashes *fh;
	const char *const *paths;
	size_t n, stride, first;
};

static void *preload_some(void *arg)
{
	const struct preload *p = arg;
	for (size_t i = p->first; i < p->n; i += p->stride)
		sova_filehash(p->fh, p->paths[i]);
	return NULL;
}

#define MAX_PRELOAD_THREADS 64

void sova_filehash_preload(struct sova_filehashes *fh, const char *const *paths, size_t n, int jobs)
{
	size_t nthreads = jobs < 1 ? 1 : jobs > MAX_PRELOAD_THREADS ? MAX_PRELOAD_THREADS : (size_t)jobs;
	pthread_t threads[MAX_PRELOAD_THREADS];
	struct preload parts[MAX_PRELOAD_THREADS];
	int running[MAX_PRELOAD_THREADS] = { 0 };
	for (size_t t = 0; t < nthreads; t++) {
		parts[t] = (struct preload){ fh, paths, n, nthreads, t };
		if (t > 0)
			running[t] = pthread_create(&threads[t], NULL, preload_some, &parts[t]) == 0;
	}
	/* This thread takes the first share, and any whose thread did not start. */
	for (size_t t = 0; t < nthreads; t++)
		if (!running[t])
			preload_some(&parts[t]);
	for (size_t t = 1; t < nthreads; t++)
		if (running[t])
			pthread_join(threads[t], NULL);
}

static void write_table(const struct sova_filehashes *fh)
{
	struct sova_bin_writer w;
	sova_bin_writer_init(&w);
	sova_bin_put_uint(&w, fh->count);
	for (size_t i = 0; i < fh->count; i++) {
		const struct sova_file_hash *f = &fh->files[i];
		sova_bin_put_str(&w, fh->paths[i]);
		sova_bin_put_uint(&w, f->stamp.size);
		sova_bin_put_uint(&w, f->stamp.mtime_ns);
		sova_bin_put_uint(&w, f->stamp.ctime_ns);
		sova_bin_put_uint(&w, f->stamp.ino);
		sova_bin_put_uint(&w, f->stamp.dev);
		sova_bin_put_uint(&w, f->hash);
	}
	size_t len;
	unsigned char *data = sova_bin_writer_finish(&w, &len);
	sova_write_atomically(fh->table, data, len);
	free(data);
}

void sova_filehashes_save(struct sova_filehashes *fh)
{
	if (fh->table && fh->changed)
		write_table(fh);
	fh->changed = 0;
}

void sova_filehashes_close(struct sova_filehashes *fh)
{
	sova_filehashes_save(fh);
	forget_all(fh);
	sova_strmap_free(&fh->absent);
	free(fh->table);
	pthread_mutex_destroy(&fh->lock);
	memset(fh, 0, sizeof(*fh));
}
