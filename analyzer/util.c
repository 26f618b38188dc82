/* util.c - memory, strings, growable arrays and a string map shared by every stage. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

char *sova_xstrdup(const char *s)
{
	return sova_xstrndup(s, strlen(s));
}

char *sova_xstrndup(const char *s, size_t n)
{
	char *p = sova_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sova_xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		sova_oom();
	char *p = sova_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

uint64_t sova_hash(const void *data, size_t len, uint64_t seed)
{
	return XXH3_64bits_withSeed(data, len, seed);
}

uint64_t sova_fnv1a(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void sova_pairmap_init(struct sova_pairmap *map)
{
	memset(map, 0, sizeof(*map));
}

void sova_pairmap_free(struct sova_pairmap *map)
{
	free(map->keys);
	free(map->values);
	memset(map, 0, sizeof(*map));
}

static size_t pair_slot(const struct sova_pairmap *map, uint64_t a, uint64_t b)
{
	uint64_t h = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL);
	size_t i = (size_t)(h ^ (h >> 29)) & (map->cap - 1);
	while (map->values[i] >= 0 && (map->keys[2 * i] != a || map->keys[2 * i + 1] != b))
		i = (i + 1) & (map->cap - 1);
	return i;
}

int sova_pairmap_get(const struct sova_pairmap *map, uint64_t a, uint64_t b)
{
	return map->cap ? map->values[pair_slot(map, a, b)] : -1;
}

static void pairmap_grow(struct sova_pairmap *map)
{
	struct sova_pairmap grown = { NULL, NULL, map->cap ? map->cap * 2 : 64, 0 };
	grown.keys = sova_xmalloc(grown.cap * 2 * sizeof(*grown.keys));
	grown.values = sova_xmalloc(grown.cap * sizeof(*grown.values));
	for (size_t i = 0; i < grown.cap; i++)
		grown.values[i] = -1;
	for (size_t i = 0; i < map->cap; i++)
		if (map->values[i] >= 0)
			sova_pairmap_put(&grown, map->keys[2 * i], map->keys[2 * i + 1], map->values[i]);
	sova_pairmap_free(map);
	*map = grown;
}

void sova_pairmap_put(struct sova_pairmap *map, uint64_t a, uint64_t b, int value)
{
	if ((map->count + 1) * 2 > map->cap)
		pairmap_grow(map);
	size_t i = pair_slot(map, a, b);
	if (map->values[i] < 0)
		map->count++;
	map->keys[2 * i] = a;
	map->keys[2 * i + 1] = b;
	map->values[i] = value;
}

char *sova_put_decimal(char *p, long v)
{
	char digits[24];
	size_t n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*p++ = '-';
	while (n)
		*p++ = digits[--n];
	return p;
}

void sova_strmap_init(struct sova_strmap *map)
{
	memset(map, 0, sizeof(*map));
}

void sova_strmap_free(struct sova_strmap *map)
{
	for (size_t i = 0; i < map->cap; i++)
		free(map->keys[i]);
	free(map->keys);
	free(map->values);
	free(map->hashes);
	memset(map, 0, sizeof(*map));
}

static size_t strmap_slot(const struct sova_strmap *map, const char *key, uint64_t hash)
{
	size_t i = (size_t)hash & (map->cap - 1);
	while (map->keys[i] && (map->hashes[i] != hash || strcmp(map->keys[i], key) != 0))
		i = (i + 1) & (map->cap - 1);
	return i;
}

static uint64_t key_hash(const char *key)
{
	return sova_hash(key, strlen(key), 0);
}

int sova_strmap_get(const struct sova_strmap *map, const char *key)
{
	if (!map->cap)
		return -1;
	size_t i = strmap_slot(map, key, key_hash(key));
	return map->keys[i] ? map->values[i] : -1;
}

const char *sova_strmap_key(const struct sova_strmap *map, const char *key, int *value)
{
	if (!map->cap)
		return NULL;
	size_t i = strmap_slot(map, key, key_hash(key));
	if (map->keys[i])
		*value = map->values[i];
	return map->keys[i];
}

static void strmap_grow(struct sova_strmap *map)
{
	struct sova_strmap grown = { NULL, NULL, NULL, map->cap ? map->cap * 2 : 64, map->count };
	grown.keys = sova_xcalloc(grown.cap, sizeof(*grown.keys));
	grown.values = sova_xcalloc(grown.cap, sizeof(*grown.values));
	grown.hashes = sova_xcalloc(grown.cap, sizeof(*grown.hashes));
	for (size_t i = 0; i < map->cap; i++) {
		if (!map->keys[i])
			continue;
		size_t j = (size_t)map->hashes[i] & (grown.cap - 1);
		while (grown.keys[j])
			j = (j + 1) & (grown.cap - 1);
		grown.keys[j] = map->keys[i];
		grown.values[j] = map->values[i];
		grown.hashes[j] = map->hashes[i];
	}
	free(map->keys);
	free(map->values);
	free(map->hashes);
	*map = grown;
}

void sova_strmap_put(struct sova_strmap *map, const char *key, int value)
{
	if ((map->count + 1) * 2 > map->cap)
		strmap_grow(map);
	uint64_t hash = key_hash(key);
	size_t i = strmap_slot(map, key, hash);
	if (!map->keys[i]) {
		map->keys[i] = sova_xstrdup(key);
		map->hashes[i] = hash;
		map->count++;
	}
	map->values[i] = value;
}

int sova_write_all(int fd, const void *bytes, size_t len)
{
	const char *data = bytes;
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int sova_write_atomically(const char *path, const void *data, size_t len)
{
	char *tmp = sova_xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	int ok = fd >= 0 && data && sova_write_all(fd, data, len) == 0;
	if (fd >= 0)
		ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok && fd >= 0)
		unlink(tmp);
	free(tmp);
	return ok ? 0 : -1;
}

/* The rest of fd, grown from a first guess at its size, up to max bytes;
 * NULL on a read error or when there is more (*too_big set). */
static char *read_all(int fd, size_t guess, size_t max, size_t *len, int *too_big)
{
	size_t cap = (guess < max ? guess : max) + 2, n = 0;
	char *buf = sova_xmalloc(cap);
	*too_big = 0;
	for (;;) {
		if (n + 1 >= cap)
			buf = sova_xrealloc(buf, cap = cap * 2 < max + 2 ? cap * 2 : max + 2, 1);
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 || n + (size_t)got > max) {
			*too_big = got > 0;
			free(buf);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* One open and one fstat: the cache reads thousands of small files a run.
 * The open never blocks (a FIFO, a device, a socket is refused, not
 * waited on), and a file that grows while read stops at the limit. */
/* An open descriptor of a regular file of at most SOVA_READ_MAX bytes,
 * or -1 with *err set: a FIFO or a device is refused without blocking. */
static int open_regular(const char *path, struct stat *st, const char **err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, st) != 0) {
		*err = strerror(errno);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode) || (unsigned long long)st->st_size > SOVA_READ_MAX) {
		close(fd);
		*err = S_ISDIR(st->st_mode)   ? "is a directory"
		       : S_ISREG(st->st_mode) ? "larger than sova reads (" SOVA_READ_MAX_TEXT ")"
					      : "not a regular file";
		return -1;
	}
	return fd;
}

char *sova_read_file(const char *path, size_t *len, const char **err)
{
	struct stat st;
	int fd = open_regular(path, &st, err);
	if (fd < 0)
		return NULL;
	size_t n = 0;
	int too_big;
	char *buf = read_all(fd, st.st_size > 0 ? (size_t)st.st_size : 4096, SOVA_READ_MAX, &n, &too_big);
	close(fd);
	if (!buf) {
		*err = too_big ? "larger than sova reads (" SOVA_READ_MAX_TEXT ")" : "read error";
		return NULL;
	}
	if (len)
		*len = n;
	return buf;
}

/* Pieces of this size, on the stack: the file never lands in memory whole
 * (libclang's library, hashed into the cache key, is 30 MB, and faulting
 * in a buffer that size cost a cold run a tenth of a second), and a
 * header's hash costs no allocation. */
#define HASH_PIECE ((size_t)1 << 16)

int sova_hash_file(const char *path, uint64_t seed, uint64_t *hash, const char **err)
{
	struct stat st;
	int fd = open_regular(path, &st, err);
	if (fd < 0)
		return 0;
	XXH3_state_t *state = XXH3_createState();
	char piece[HASH_PIECE];
	if (!state)
		sova_oom();
	XXH3_64bits_reset_withSeed(state, seed);
	unsigned long long total = 0;
	ssize_t n;
	while ((n = read(fd, piece, HASH_PIECE)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		total += n > 0 ? (unsigned long long)n : 0;
		if (n < 0 || total > SOVA_READ_MAX)
			break;
		XXH3_64bits_update(state, piece, (size_t)n);
	}
	close(fd);
	*hash = XXH3_64bits_digest(state);
	XXH3_freeState(state);
	if (n != 0) {
		*err = n < 0 ? "read error" : "larger than sova reads (" SOVA_READ_MAX_TEXT ")";
		return 0;
	}
	return 1;
}

int sova_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned c = p[i];
		size_t extra;
		if (c < 0x80)
			extra = 0;
		else if (c >= 0xc2 && c <= 0xdf)
			extra = 1;
		else if ((c & 0xf0) == 0xe0)
			extra = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			extra = 3;
		else
			return 0;
		if (len - i <= extra)
			return 0;
		for (size_t k = 1; k <= extra; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		i += extra + 1;
	}
	return 1;
}

const char *sova_display_path(const char *path, const char *base)
{
	size_t n = base ? strlen(base) : 0;
	if (n && strncmp(path, base, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

char **sova_dirs_to_repo_top(const char *start, size_t *n)
{
	char dir[PATH_MAX];
	*n = 0;
	if (!realpath(start, dir))
		return NULL;
	char **dirs = NULL;
	size_t cap = 0;
	for (;;) {
		SOVA_PUSH(dirs, *n, cap, sova_xstrdup(dir));
		char *git = sova_xasprintf("%s/.git", strcmp(dir, "/") == 0 ? "" : dir);
		struct stat st;
		int top = lstat(git, &st) == 0;
		free(git);
		if (top)
			return dirs;
		char *slash = strrchr(dir, '/');
		if (!slash || strcmp(dir, "/") == 0)
			break;
		slash[slash == dir] = '\0';
	}
	/* No repository: only where the search started. */
	for (size_t i = 1; i < *n; i++)
		free(dirs[i]);
	*n = 1;
	return dirs;
}

void sova_free_strings(char **strings, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(strings[i]);
	free(strings);
}

int sova_owned_by_us_or_root(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && (st.st_uid == geteuid() || st.st_uid == 0);
}

int sova_is_regular_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int sova_file_ends_in(const char *file, const char *const *endings, size_t n)
{
	const char *dot = strrchr(file, '.');
	for (size_t i = 0; dot && i < n; i++)
		if (strcmp(dot, endings[i]) == 0)
			return 1;
	return 0;
}
