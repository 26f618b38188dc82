/* sources.c - the text of the files results point into, read once, on demand. */
#include "sources.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void sova_sources_init(struct sova_sources *sources, char *const *paths, size_t npaths)
{
	sources->paths = paths;
	sources->npaths = npaths;
	sources->files = sova_xcalloc(npaths + 1, sizeof(*sources->files));
}

void sova_sources_free(struct sova_sources *sources)
{
	for (size_t i = 0; i < sources->npaths; i++) {
		free(sources->files[i].text);
		free(sources->files[i].lines);
	}
	free(sources->files);
	memset(sources, 0, sizeof(*sources));
}

/* The file's text, read on first use. */
static struct sova_source *text_of(struct sova_sources *sources, int file)
{
	if (file < 0 || (size_t)file >= sources->npaths)
		return NULL;
	struct sova_source *src = &sources->files[file];
	if (!src->loaded) {
		const char *why;
		src->loaded = 1;
		src->text = sova_read_file(sources->paths[file], &src->len, &why);
	}
	return src;
}

/* The file's text with its line table, built on first use. */
static struct sova_source *source_of(struct sova_sources *sources, int file)
{
	struct sova_source *src = text_of(sources, file);
	if (!src || !src->text || src->lines)
		return src;
	size_t cap = 0;
	SOVA_PUSH(src->lines, src->nlines, cap, 0);
	for (size_t i = 0; i < src->len; i++)
		if (src->text[i] == '\n' && i + 1 < src->len)
			SOVA_PUSH(src->lines, src->nlines, cap, i + 1);
	return src;
}

const char *sova_source_line(struct sova_sources *sources, int file, unsigned line, size_t *len)
{
	struct sova_source *src = source_of(sources, file);
	if (!src || !src->text || line == 0 || line > src->nlines)
		return NULL;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	while (end > start && (src->text[end - 1] == '\n' || src->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return src->text + start;
}

size_t sova_source_lines(struct sova_sources *sources, int file)
{
	struct sova_source *src = source_of(sources, file);
	return src && src->text ? src->nlines : 0;
}

const char *sova_source_text(struct sova_sources *sources, int file, size_t *len, int *was_loaded)
{
	*was_loaded = file >= 0 && (size_t)file < sources->npaths && sources->files[file].loaded;
	struct sova_source *src = text_of(sources, file);
	*len = src && src->text ? src->len : 0;
	return src ? src->text : NULL;
}

void sova_source_release(struct sova_sources *sources, int file)
{
	if (file < 0 || (size_t)file >= sources->npaths)
		return;
	struct sova_source *src = &sources->files[file];
	free(src->text);
	free(src->lines);
	memset(src, 0, sizeof(*src));
}
