/* rule.h - the interface every rule implements, and the results rules make.
 *
 * A rule is one file in rules/ that exports one `const struct sova_rule`.
 * The engine offers each blocking site to the rules in the order of
 * rules.def; the first rule whose check fires owns the site. */
#ifndef SOVA_RULE_H
#define SOVA_RULE_H

#include <stddef.h>

#include "../analyzer/baseline.h"
#include "../analyzer/contexts.h"

enum sova_level {
	SOVA_LEVEL_NOTE,
	SOVA_LEVEL_WARNING,
	SOVA_LEVEL_ERROR,
};

struct sova_result {
	const struct sova_rule *rule;
	enum sova_level level;
	struct sova_loc loc;
	const char *function; /* enclosing function, for fingerprints */
	char *message;
	struct sova_chain chain;   /* the code flow, may be empty */
	struct sova_chain *other_flows; /* the shortest chain from each other entry function */
	const char **other_entries;     /* and its name */
	size_t nother_flows;
	int more_entries; /* entry functions beyond those reach the call too */
	struct sova_chain related; /* related locations, referenced from the message as [text](index) */
	int unresolved; /* the chain passes through a call sova cannot resolve: shown at level note */
	enum sova_block_kind kind; /* what the blocking call waits for */
	/* Set by the filters stage: */
	char *fingerprint;  /* what the finding is ("sova/v1"): survives moved lines */
	char *line_hash;    /* GitHub's primaryLocationLineHash: the line's text */
	int suppressed;
	char *justification; /* the suppression's reason, when suppressed */
	enum sova_baseline_state baseline;
};

struct sova_rule {
	const char *id;          /* "SOVA001" */
	const char *name;        /* "block-in-worker" */
	const char *summary;     /* one sentence */
	const char *description; /* a paragraph: what goes wrong and why */
	const char *fix;         /* a paragraph: what to do instead */
	enum sova_level level;   /* default level */
	/* Returns 1 and fills result->level, message, chain and related when
	 * the site is this rule's; returns 0 and leaves result alone otherwise. */
	int (*check)(const struct sova_site *site, struct sova_result *result);
};

/* Every rule, in precedence order; NULL-terminated. */
extern const struct sova_rule *const sova_rules[];

/* Finds a rule by id ("SOVA001") or name ("block-in-worker"); NULL if none. */
const struct sova_rule *sova_rule_find(const char *id_or_name);

/* "note", "warning" or "error": the level's name in text and SARIF. */
const char *sova_level_name(enum sova_level level);

/* Helpers for checks: copy a step into result->related, returning its index. */
int sova_result_relate(struct sova_result *result, const struct sova_step *step);

/* Takes the site's origin chain (wait -> ... -> the call that made the
 * future) into result; returns the related index of that last call. */
int sova_result_origin(struct sova_result *result, const struct sova_site *site);

/* Takes a context path's chain and registration into result; returns a new
 * phrase such as "'on_timer' runs on an event loop (registered [here](0))". */
char *sova_result_context(struct sova_result *result, const struct sova_context_path *path);

/* What a kind of blocking is, for messages: "local-file I/O", "a sleep". */
const char *sova_block_kind_phrase(enum sova_block_kind kind);

/* What blocking does to a context: "blocks a worker thread", "blocks the event loop". */
const char *sova_context_harm(enum sova_context context);

#endif /* SOVA_RULE_H */
