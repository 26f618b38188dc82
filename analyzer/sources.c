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

static struct sova_source *source_of(struct sova_sources *sources, int file)
{
	if (file < 0 || (size_t)file >= sources->npaths)
		return NULL;
	struct sova_source *src = &sources->files[file];
	if (src->loaded)
		return src;
	const char *why;
	src->loaded = 1;
	src->text = sova_read_file(sources->paths[file], &src->len, &why);
	if (!src->text)
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
