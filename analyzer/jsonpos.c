/* jsonpos.c - source positions of JSON values, which cJSON does not record. */
#include "jsonpos.h"

#include <string.h>

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
static size_t find_member(const char *t, size_t len, size_t i, const char *key)
{
	i = skip_ws(t, len, i + 1);
	while (i < len && t[i] == '"') {
		size_t key_end = skip_string(t, len, i);
		int hit = key_equals(t, i + 1, key_end - 1, key);
		i = skip_ws(t, len, key_end);
		if (i < len && t[i] == ':')
			i = skip_ws(t, len, i + 1);
		if (hit)
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
			next = find_member(text, len, at, path[d].key);
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
