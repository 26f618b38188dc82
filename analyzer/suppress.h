/* suppress.h - inline suppression comments: // sova-ignore SOVA001: reason
 *
 * A comment on a result's line, or on the line above it, suppresses the
 * rules it names there; sova-ignore-all suppresses every rule. */
#ifndef SOVA_SUPPRESS_H
#define SOVA_SUPPRESS_H

#include <stddef.h>

#define SOVA_SUPPRESS_MAX_RULES 16

/* What every suppression comment contains. */
#define SOVA_SUPPRESS_MARKER "sova-ignore"

struct sova_suppression {
	int all;                                   /* sova-ignore-all */
	char rules[SOVA_SUPPRESS_MAX_RULES][32];   /* ids or names, as written */
	size_t nrules;
	char reason[256];                          /* empty when none is given */
	unsigned col;                              /* 1-based byte column of the marker */
};

/* Parses the suppression marker in one line of source text. Returns 1 and
 * fills out when the line has a well-formed marker in a comment, 0 when it
 * has none, and -1 with the reason in err when the marker is malformed (no
 * rule named, a rule name too long, too many rules). */
int sova_parse_suppression(const char *line, size_t len, struct sova_suppression *out, char *err, size_t errlen);

#endif /* SOVA_SUPPRESS_H */
