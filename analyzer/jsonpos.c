/* jsonpos.c - JSON files with positions, which cJSON does not record. */
#include "jsonpos.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t skip_ws(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	return i;
}

/* i points at '"'; returns the offset just past the closing quote. */
static size_t skip_string(const char *t, size_t len, size_t i)
{
	for (i++; i < len && t[i] != '"'; i++)
		if (t[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

/* Skips one value of any kind; containers by depth counting, not recursion. */
static size_t skip_value(const char *t, size_t len, size_t i)
{
	if (i >= len)
		return len;
	if (t[i] == '"')
		return skip_string(t, len, i);
	if (t[i] != '{' && t[i] != '[') {
		while (i < len && !strchr(",}] \t\r\n", t[i]))
			i++;
		return i;
	}
	size_t depth = 0;
	while (i < len) {
		char c = t[i];
		if (c == '"') {
			i = skip_string(t, len, i);
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
}

static int key_equals(const char *t, size_t start, size_t end, const char *key)
{
	size_t n = strlen(key);
	return end - start == n && memcmp(t + start, key, n) == 0;
}

/* Finds the value of member `key` in the object at i; returns len if absent. */
/* Finds the value of the occurrence'th member named key (0 = the first). */
static size_t find_member(const char *t, size_t len, size_t i, const char *key, int occurrence)
{
	i = skip_ws(t, len, i + 1);
	while (i < len && t[i] == '"') {
		size_t key_end = skip_string(t, len, i);
		int hit = key_equals(t, i + 1, key_end - 1, key);
		i = skip_ws(t, len, key_end);
		if (i < len && t[i] == ':')
			i = skip_ws(t, len, i + 1);
		if (hit && occurrence-- == 0)
			return i;
		i = skip_ws(t, len, skip_value(t, len, i));
		if (i < len && t[i] == ',')
			i = skip_ws(t, len, i + 1);
	}
	return len;
}

static size_t find_element(const char *t, size_t len, size_t i, int index)
{
	i = skip_ws(t, len, i + 1);
	for (int k = 0; i < len && t[i] != ']'; k++) {
		if (k == index)
			return i;
		i = skip_ws(t, len, skip_value(t, len, i));
		if (i < len && t[i] == ',')
			i = skip_ws(t, len, i + 1);
	}
	return len;
}

size_t sova_json_locate(const char *text, size_t len, const struct sova_json_step *path, size_t depth)
{
	size_t at = skip_ws(text, len, 0);
	for (size_t d = 0; d < depth && at < len; d++) {
		size_t next;
		if (path[d].key && text[at] == '{')
			next = find_member(text, len, at, path[d].key, path[d].index);
		else if (!path[d].key && text[at] == '[')
			next = find_element(text, len, at, path[d].index);
		else
			break;
		if (next >= len)
			break;
		at = next;
	}
	return at < len ? at : len;
}

void sova_json_linecol(const char *text, size_t len, size_t offset, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

int sova_json_doc_read(struct sova_json_doc *doc, const char *path, const char *what, char *err, size_t errlen)
{
	memset(doc, 0, sizeof(*doc));
	doc->path = path;
	doc->err = err;
	doc->errlen = errlen;
	const char *why = NULL;
	doc->text = sova_read_file(path, &doc->len, &why);
	if (!doc->text) {
		snprintf(err, errlen, "%s: cannot read %s: %s", path, what, why);
		return -1;
	}
	const char *nul = memchr(doc->text, '\0', doc->len);
	if (nul)
		return sova_json_error_at(doc, (size_t)(nul - doc->text), "not valid JSON: a NUL byte");
	return 0;
}

int sova_json_doc_parse(struct sova_json_doc *doc)
{
	const char *end = NULL;
	/* len + 1 takes in the terminating NUL, which cJSON wants to see. */
	doc->root = cJSON_ParseWithLengthOpts(doc->text, doc->len + 1, &end, 1);
	if (!doc->root) {
		size_t off = end && end >= doc->text && end <= doc->text + doc->len ? (size_t)(end - doc->text) : doc->len;
		return sova_json_error_at(doc, off, "not valid JSON");
	}
	return 0;
}

int sova_json_doc_load(struct sova_json_doc *doc, const char *path, const char *what, char *err, size_t errlen)
{
	if (sova_json_doc_read(doc, path, what, err, errlen) != 0)
		return -1;
	return sova_json_doc_parse(doc);
}

__attribute__((format(printf, 3, 0))) static int error_at(struct sova_json_doc *doc, size_t offset, const char *fmt,
							  va_list ap)
{
	unsigned line, col;
	sova_json_linecol(doc->text, doc->len, offset, &line, &col);
	int n = snprintf(doc->err, doc->errlen, "%s:%u:%u: ", doc->path, line, col);
	if (n >= 0 && (size_t)n < doc->errlen)
		vsnprintf(doc->err + n, doc->errlen - (size_t)n, fmt, ap);
	return -1;
}

int sova_json_error_at(struct sova_json_doc *doc, size_t offset, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	error_at(doc, offset, fmt, ap);
	va_end(ap);
	return -1;
}

size_t sova_json_skip_ws(const char *text, size_t len, size_t at)
{
	return skip_ws(text, len, at);
}

size_t sova_json_value_end(const char *text, size_t len, size_t at)
{
	return skip_value(text, len, at);
}

size_t sova_json_member(const char *text, size_t len, size_t at, const char *key)
{
	return at < len && text[at] == '{' ? find_member(text, len, at, key, 0) : len;
}

void sova_json_doc_free(struct sova_json_doc *doc)
{
	cJSON_Delete(doc->root);
	free(doc->text);
	doc->root = NULL;
	doc->text = NULL;
}

int sova_json_error(struct sova_json_doc *doc, const char *fmt, ...)
{
	size_t depth = doc->depth < SOVA_JSON_MAX_DEPTH ? doc->depth : SOVA_JSON_MAX_DEPTH;
	va_list ap;
	va_start(ap, fmt);
	error_at(doc, sova_json_locate(doc->text, doc->len, doc->steps, depth), fmt, ap);
	va_end(ap);
	return -1;
}

int sova_json_check_unique(struct sova_json_doc *doc, const cJSON *object, const cJSON *member)
{
	for (const cJSON *m = object->child; m && m != member; m = m->next) {
		if (m->string && member->string && strcmp(m->string, member->string) == 0) {
			sova_json_enter_key(doc, member->string);
			if (doc->depth <= SOVA_JSON_MAX_DEPTH)
				doc->steps[doc->depth - 1].index = 1;
			sova_json_error(doc, "'%s' is given twice", member->string);
			sova_json_leave(doc);
			return -1;
		}
	}
	return 0;
}

void sova_json_enter_key(struct sova_json_doc *doc, const char *key)
{
	if (doc->depth < SOVA_JSON_MAX_DEPTH)
		doc->steps[doc->depth] = (struct sova_json_step){ key, 0 };
	doc->depth++;
}

void sova_json_enter_index(struct sova_json_doc *doc, int index)
{
	if (doc->depth < SOVA_JSON_MAX_DEPTH)
		doc->steps[doc->depth] = (struct sova_json_step){ NULL, index };
	doc->depth++;
}

void sova_json_leave(struct sova_json_doc *doc)
{
	doc->depth--;
}

int sova_json_print(FILE *out, cJSON *root)
{
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		return -1;
	int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}

void sova_json_setup(void)
{
	cJSON_Hooks hooks = { .malloc_fn = sova_xmalloc, .free_fn = free };
	cJSON_InitHooks(&hooks);
}
