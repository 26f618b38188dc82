/* includes.h - stage 2: where the preprocessor looked for a TU's headers
 * before it found them, so that the cache can tell when a new file would
 * be found first.
 *
 * A TU's cache entry holds the content hash of every file it included;
 * that misses a header created in a directory searched earlier than the
 * one that served it: `#include "config.h"` found in -Iinclude is shadowed
 * by a new src/config.h beside the includer, and the next parse would
 * read the new file. So each directive is searched again, the way clang
 * searches, through the directories the compile flags name: for a quoted
 * name the includer's own directory, the -iquote directories, then the -I
 * directories (and CPATH), then the -isystem ones (and C_INCLUDE_PATH).
 * Every path searched that does not exist is recorded; the entry is stale
 * once one does. The search stops at the first path that exists, where
 * clang found the header. The system directories come after these and are
 * not searched here: a header found there is shadowed by a new file in any
 * directory above, all of which are recorded. -idirafter directories come
 * after the system ones and are not searched either. */
#ifndef SOVA_INCLUDES_H
#define SOVA_INCLUDES_H

#include <pthread.h>
#include <stddef.h>

#include "util.h"

/* The directories a TU's compile flags add to the search, in clang's order. */
struct sova_include_dirs {
	char **quoted; /* -iquote: for quoted names only, after the includer's directory */
	size_t nquoted, capquoted;
	char **angled; /* -I and CPATH, then -isystem and C_INCLUDE_PATH: for both */
	size_t nangled, capangled;
};

/* Reads the search directories from a compile's flags (made absolute by
 * compdb.c) and the environment variables clang reads. */
void sova_include_dirs_init(struct sova_include_dirs *dirs, const char *const *args, size_t nargs);
void sova_include_dirs_free(struct sova_include_dirs *dirs);

/* The name an #include directive at line_start names: *quoted is 1 for
 * "name", 0 for <name>. Returns the length of the name (it starts at
 * *name), or 0 when the line is no plain include of a spelled name (a
 * computed #include MACRO). The line ends at end. */
size_t sova_include_spelled(const char *line_start, const char *end, const char **name, int *quoted);

/* The include directives of one file, found once a run (below). */
struct sova_include_line {
	size_t start, end; /* the line's offsets in the file */
	const char *name;  /* as spelled, not NUL-terminated */
	size_t len;
	int quoted;
};

struct sova_include_lines {
	char *dir; /* the file's directory, as clang named the file; NULL: none */
	struct sova_include_line *lines; /* in the file's order */
	size_t n;
	char *text; /* the names, copied: libclang's text goes with the TU */
};

/* The line of the include directive at offset (a place in it), or NULL. */
const struct sova_include_line *sova_include_line_at(const struct sova_include_lines *file, size_t offset);

/* Every includer's directives, shared by a run's parse threads: getting a
 * file's text from libclang searches all of the TU's source entries, so
 * doing it once per #include, or per includer and TU, made the parse of
 * glib or redis 5% slower. Within a run a file has one content (the cache
 * hashes it once a run too). Records are never changed once put. */
struct sova_include_memo {
	pthread_mutex_t lock;
	struct sova_strmap index; /* path -> place in files */
	struct sova_include_lines **files;
	size_t n, cap;
};

void sova_include_memo_init(struct sova_include_memo *memo);
void sova_include_memo_free(struct sova_include_memo *memo);

/* The directives of the file at path (as clang named it), or NULL when no
 * TU has put them yet. */
const struct sova_include_lines *sova_include_memo_get(struct sova_include_memo *memo, const char *path);

/* Finds the directives in the file's text and keeps them; returns the
 * memo's record, another thread's if it came first. */
const struct sova_include_lines *sova_include_memo_put(struct sova_include_memo *memo, const char *path,
						       const char *text, size_t size);

/* Paths searched and absent, in the order searched; the strings are the
 * absent_fn's (they live as long as its ctx). */
struct sova_absent_paths {
	const char **paths;
	size_t n, cap;
};

void sova_absent_paths_free(struct sova_absent_paths *absent);

/* When nothing is at path, a lasting copy of it; else NULL. Asked once per
 * path and run by the caller (the cache keeps the answers, filehash.h),
 * not once per TU. */
typedef const char *sova_absent_fn(void *ctx, const char *path);

/* Adds to absent each path searched for name before the first that
 * exists: includer_dir first when quoted. */
void sova_include_absent(const struct sova_include_dirs *dirs, const char *includer_dir, const char *name,
			 size_t name_len, int quoted, sova_absent_fn *is_absent, void *ctx,
			 struct sova_absent_paths *absent);

#endif /* SOVA_INCLUDES_H */
