/* suppress.c - inline suppression comments: // sova-ignore SOVA001: reason */
#include "suppress.h"

#include <stdio.h>
#include <string.h>


static int rule_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* The marker, when it sits in a comment: after a line or block comment opener. */
static const char *find_marker(const char *line, size_t len)
{
	const char *comment = NULL;
	for (size_t i = 0; i + 1 < len; i++) {
		if (line[i] == '/' && (line[i + 1] == '/' || line[i + 1] == '*')) {
			comment = line + i;
			break;
		}
	}
	if (!comment)
		return NULL;
	size_t n = strlen(SOVA_SUPPRESS_MARKER);
	for (const char *p = comment; p + n <= line + len; p++)
		if (strncmp(p, SOVA_SUPPRESS_MARKER, n) == 0 && (p == line || !rule_char(p[-1])))
			return p;
	return NULL;
}

/* The reason after ':', without surrounding blanks or a closing comment. */
static void read_reason(const char *p, const char *end, struct sova_suppression *out)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	const char *close = p;
	while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
		close++;
	if (close + 1 < end)
		end = close;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	size_t n = (size_t)(end - p);
	if (n >= sizeof(out->reason))
		n = sizeof(out->reason) - 1;
	memcpy(out->reason, p, n);
	out->reason[n] = '\0';
}

static int read_rules(const char *p, const char *end, struct sova_suppression *out, const char **after, char *err,
		      size_t errlen)
{
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		const char *start = p;
		while (p < end && rule_char(*p))
			p++;
		if (p == start)
			break;
		if ((size_t)(p - start) >= sizeof(out->rules[0])) {
			snprintf(err, errlen, "'%.*s' is too long for a rule name", (int)(p - start), start);
			return -1;
		}
		if (out->nrules == SOVA_SUPPRESS_MAX_RULES) {
			snprintf(err, errlen, "a suppression names at most %d rules", SOVA_SUPPRESS_MAX_RULES);
			return -1;
		}
		memcpy(out->rules[out->nrules], start, (size_t)(p - start));
		out->rules[out->nrules][p - start] = '\0';
		out->nrules++;
	}
	*after = p;
	return 0;
}

int sova_parse_suppression(const char *line, size_t len, struct sova_suppression *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	const char *marker = find_marker(line, len);
	if (!marker)
		return 0;
	const char *end = line + len, *p = marker + strlen(SOVA_SUPPRESS_MARKER);
	out->col = (unsigned)(marker - line) + 1;
	if (p + 4 <= end && strncmp(p, "-all", 4) == 0 && (p + 4 == end || !rule_char(p[4]))) {
		out->all = 1;
		p += 4;
	} else if (read_rules(p, end, out, &p, err, errlen) != 0) {
		return -1;
	} else if (out->nrules == 0) {
		snprintf(err, errlen, "'sova-ignore' names no rule; write 'sova-ignore SOVA001: reason' or "
				      "'sova-ignore-all: reason'");
		return -1;
	}
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == ':')
		read_reason(p + 1, end, out);
	return 1;
}
