/* includes.c - stage 2: where the preprocessor looked for a TU's headers before it found them. */
#include "includes.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Flags that add a directory, and the group it joins. */
enum dir_group { GROUP_NONE, GROUP_QUOTED, GROUP_ANGLED, GROUP_SYSTEM };

static const struct {
	const char *flag;
	enum dir_group group;
} dir_flags[] = {
	{ "-iquote", GROUP_QUOTED },
	{ "-isystem", GROUP_SYSTEM },
	{ "--include-directory", GROUP_ANGLED },
	{ "-I", GROUP_ANGLED },
};

static void push_dir(char ***dirs, size_t *n, size_t *cap, const char *dir, size_t len)
{
	/* "=dir" is under the sysroot, a relative one under a directory
	 * compdb.c did not know: neither can be searched here. */
	if (len == 0 || dir[0] != '/')
		return;
	char *copy = sova_xmalloc(len + 1);
	memcpy(copy, dir, len);
	copy[len] = '\0';
	SOVA_PUSH(*dirs, *n, *cap, copy);
}

/* The group args[i] adds a directory to, with the directory in *dir;
 * *used is how many arguments it took. */
static enum dir_group dir_flag(const char *const *args, size_t nargs, size_t i, const char **dir, size_t *used)
{
	for (size_t k = 0; k < sizeof(dir_flags) / sizeof(dir_flags[0]); k++) {
		size_t n = strlen(dir_flags[k].flag);
		if (strncmp(args[i], dir_flags[k].flag, n) != 0)
			continue;
		if (args[i][n] == '\0') {
			*used = 2;
			*dir = i + 1 < nargs ? args[i + 1] : "";
		} else {
			*used = 1;
			*dir = args[i] + n + (args[i][n] == '=' && dir_flags[k].flag[1] == '-');
		}
		return dir_flags[k].group;
	}
	*used = 1;
	return GROUP_NONE;
}

/* The directories of a colon-separated variable, at the end of a group. */
static void push_env_dirs(char ***dirs, size_t *n, size_t *cap, const char *name)
{
	const char *value = getenv(name);
	for (const char *at = value; at && *at;) {
		const char *end = strchr(at, ':');
		size_t len = end ? (size_t)(end - at) : strlen(at);
		push_dir(dirs, n, cap, at, len);
		at += len + (end != NULL);
	}
}

void sova_include_dirs_init(struct sova_include_dirs *dirs, const char *const *args, size_t nargs)
{
	memset(dirs, 0, sizeof(*dirs));
	char **system = NULL;
	size_t nsystem = 0, capsystem = 0;
	for (size_t i = 0; i < nargs;) {
		const char *dir = NULL;
		size_t used;
		enum dir_group group = dir_flag(args, nargs, i, &dir, &used);
		if (group == GROUP_QUOTED)
			push_dir(&dirs->quoted, &dirs->nquoted, &dirs->capquoted, dir, strlen(dir));
		else if (group == GROUP_ANGLED)
			push_dir(&dirs->angled, &dirs->nangled, &dirs->capangled, dir, strlen(dir));
		else if (group == GROUP_SYSTEM)
			push_dir(&system, &nsystem, &capsystem, dir, strlen(dir));
		i += used;
	}
	push_env_dirs(&dirs->angled, &dirs->nangled, &dirs->capangled, "CPATH");
	push_env_dirs(&system, &nsystem, &capsystem, "C_INCLUDE_PATH");
	for (size_t i = 0; i < nsystem; i++)
		SOVA_PUSH(dirs->angled, dirs->nangled, dirs->capangled, system[i]);
	free(system);
}

void sova_include_dirs_free(struct sova_include_dirs *dirs)
{
	for (size_t i = 0; i < dirs->nquoted; i++)
		free(dirs->quoted[i]);
	for (size_t i = 0; i < dirs->nangled; i++)
		free(dirs->angled[i]);
	free(dirs->quoted);
	free(dirs->angled);
	memset(dirs, 0, sizeof(*dirs));
}

static const char *skip_blanks(const char *at, const char *end)
{
	while (at < end && (*at == ' ' || *at == '\t'))
		at++;
	return at;
}

static int word_at(const char *at, const char *end, const char *word)
{
	size_t n = strlen(word);
	return (size_t)(end - at) > n && strncmp(at, word, n) == 0 && (at[n] == ' ' || at[n] == '\t' || at[n] == '"' || at[n] == '<');
}

size_t sova_include_spelled(const char *line_start, const char *end, const char **name, int *quoted)
{
	const char *at = skip_blanks(line_start, end);
	if (at >= end || *at != '#')
		return 0;
	at = skip_blanks(at + 1, end);
	static const char *const directives[] = { "include_next", "include", "import" };
	size_t k = 0;
	while (k < 3 && !word_at(at, end, directives[k]))
		k++;
	if (k == 3)
		return 0;
	at = skip_blanks(at + strlen(directives[k]), end);
	if (at >= end || (*at != '"' && *at != '<'))
		return 0;
	char close = *at == '"' ? '"' : '>';
	const char *start = at + 1, *stop = start;
	while (stop < end && *stop != close && *stop != '\n')
		stop++;
	if (stop >= end || *stop != close || stop == start)
		return 0;
	*name = start;
	*quoted = close == '"';
	return (size_t)(stop - start);
}

const struct sova_include_line *sova_include_line_at(const struct sova_include_lines *file, size_t offset)
{
	size_t lo = 0, hi = file->n; /* the first line starting after offset */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (file->lines[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || offset > file->lines[lo - 1].end)
		return NULL;
	return &file->lines[lo - 1];
}

void sova_include_memo_init(struct sova_include_memo *memo)
{
	memset(memo, 0, sizeof(*memo));
	pthread_mutex_init(&memo->lock, NULL);
}

static void include_lines_free(struct sova_include_lines *file)
{
	free(file->dir);
	free(file->lines);
	free(file->text);
	free(file);
}

void sova_include_memo_free(struct sova_include_memo *memo)
{
	for (size_t i = 0; i < memo->n; i++)
		include_lines_free(memo->files[i]);
	free(memo->files);
	sova_strmap_free(&memo->index);
	pthread_mutex_destroy(&memo->lock);
}

const struct sova_include_lines *sova_include_memo_get(struct sova_include_memo *memo, const char *path)
{
	pthread_mutex_lock(&memo->lock);
	int at = sova_strmap_get(&memo->index, path);
	const struct sova_include_lines *file = at >= 0 ? memo->files[at] : NULL;
	pthread_mutex_unlock(&memo->lock);
	return file;
}

/* The directive lines of text, their names copied into file->text: the
 * text is libclang's, and goes with the TU. */
static struct sova_include_lines *scan_include_lines(const char *path, const char *text, size_t size)
{
	struct sova_include_lines *file = sova_xcalloc(1, sizeof(*file));
	const char *slash = strrchr(path, '/');
	file->dir = slash ? sova_xstrndup(path, (size_t)(slash - path)) : NULL;
	size_t cap = 0, names = 0;
	const char *end = text + size;
	for (const char *line = text; line < end;) {
		const char *stop = memchr(line, '\n', (size_t)(end - line));
		stop = stop ? stop : end;
		struct sova_include_line got = { .start = (size_t)(line - text), .end = (size_t)(stop - text) };
		got.len = sova_include_spelled(line, stop, &got.name, &got.quoted);
		if (got.len) {
			SOVA_PUSH(file->lines, file->n, cap, got);
			names += got.len;
		}
		line = stop + 1;
	}
	file->text = sova_xmalloc(names + 1);
	for (size_t i = 0, at = 0; i < file->n; at += file->lines[i++].len) {
		memcpy(file->text + at, file->lines[i].name, file->lines[i].len);
		file->lines[i].name = file->text + at;
	}
	return file;
}

const struct sova_include_lines *sova_include_memo_put(struct sova_include_memo *memo, const char *path,
						       const char *text, size_t size)
{
	struct sova_include_lines *made = scan_include_lines(path, text, size);
	pthread_mutex_lock(&memo->lock);
	int at = sova_strmap_get(&memo->index, path);
	if (at < 0) {
		at = (int)memo->n;
		SOVA_PUSH(memo->files, memo->n, memo->cap, made);
		sova_strmap_put(&memo->index, path, at);
		made = NULL;
	}
	const struct sova_include_lines *file = memo->files[at];
	pthread_mutex_unlock(&memo->lock);
	if (made)
		include_lines_free(made);
	return file;
}

void sova_absent_paths_free(struct sova_absent_paths *absent)
{
	free(absent->paths);
	memset(absent, 0, sizeof(*absent));
}

struct search {
	sova_absent_fn *is_absent;
	void *ctx;
	struct sova_absent_paths *absent;
};

/* Whether the search goes on past dir: 1 when nothing is at dir/name (the
 * path is then added), 0 when something is: clang took it (a directory of
 * that name would be passed over, and a file created in its place would
 * not be; the search stops there too, which costs only a parse). */
static int search_dir(const struct search *s, const char *dir, const char *name, size_t name_len)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/%.*s", dir, (int)name_len, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return 0; /* no such path can exist */
	const char *kept = s->is_absent(s->ctx, path);
	if (kept)
		SOVA_PUSH(s->absent->paths, s->absent->n, s->absent->cap, kept);
	return kept != NULL;
}

void sova_include_absent(const struct sova_include_dirs *dirs, const char *includer_dir, const char *name,
			 size_t name_len, int quoted, sova_absent_fn *is_absent, void *ctx,
			 struct sova_absent_paths *absent)
{
	if (name_len == 0 || name[0] == '/')
		return; /* an absolute name is searched nowhere */
	struct search s = { is_absent, ctx, absent };
	if (quoted) {
		if (includer_dir && includer_dir[0] == '/' && !search_dir(&s, includer_dir, name, name_len))
			return;
		for (size_t i = 0; i < dirs->nquoted; i++)
			if (!search_dir(&s, dirs->quoted[i], name, name_len))
				return;
	}
	for (size_t i = 0; i < dirs->nangled; i++)
		if (!search_dir(&s, dirs->angled[i], name, name_len))
			return;
}
