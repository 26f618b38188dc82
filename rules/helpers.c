/* helpers.c - what rules share to write a result: related locations, the
 * phrases for a context and a kind of blocking, the chain and origin steps.
 * Rules call these; these call no rule. */
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "../analyzer/util.h"

int sova_result_relate(struct sova_result *result, const struct sova_step *step)
{
	sova_chain_add(&result->related, step->loc, 0, sova_xstrdup(step->message));
	return (int)result->related.nsteps - 1;
}

static const char *context_place(enum sova_context context)
{
	switch (context) {
	case SOVA_CTX_SERIAL:
		return "on a serial executor";
	case SOVA_CTX_LOOP:
		return "on an event loop";
	case SOVA_CTX_AIO:
		return "as an aio callback";
	case SOVA_CTX_COROUTINE:
		return "as a coroutine";
	default:
		return "on an executor";
	}
}

const char *sova_block_kind_phrase(enum sova_block_kind kind)
{
	switch (kind) {
	case SOVA_BLOCK_ASYNC:
		return "a wait on async work";
	case SOVA_BLOCK_SLEEP:
		return "a sleep";
	case SOVA_BLOCK_JOIN:
		return "a thread join";
	case SOVA_BLOCK_SYNC:
		return "a lock, condition or queue wait";
	case SOVA_BLOCK_LOOP:
		return "a nested event loop";
	case SOVA_BLOCK_NETWORK:
		return "network I/O";
	case SOVA_BLOCK_SUBPROCESS:
		return "a wait for a child process";
	case SOVA_BLOCK_FILE:
		return "local-file I/O";
	case SOVA_BLOCK_IO:
		return "blocking I/O";
	default:
		return "a blocking call";
	}
}

const char *sova_context_harm(enum sova_context context)
{
	switch (context) {
	case SOVA_CTX_SERIAL:
		return "blocks a serial executor, which runs nothing else meanwhile";
	case SOVA_CTX_LOOP:
		return "blocks the event loop";
	case SOVA_CTX_AIO:
		return "blocks an aio callback thread";
	case SOVA_CTX_COROUTINE:
		return "blocks the thread running the coroutine";
	default:
		return "blocks a worker thread";
	}
}

/* The phrase for a chain through an unresolved call, or "". */
static char *unresolved_phrase(struct sova_result *result, const struct sova_context_path *path)
{
	if (!path->unresolved)
		return sova_xstrdup("");
	result->unresolved = 1;
	int at = sova_result_relate(result, &path->unresolved_at);
	return sova_xasprintf(" and gets here only through [a call on an object found at run time](%d), which sova "
			      "cannot resolve",
			      at);
}

char *sova_result_context(struct sova_result *result, const struct sova_context_path *path)
{
	sova_chain_copy(&result->chain, &path->chain);
	if (path->nothers) {
		result->other_flows = sova_xcalloc(path->nothers, sizeof(*result->other_flows));
		result->other_entries = sova_xcalloc(path->nothers, sizeof(*result->other_entries));
		for (size_t i = 0; i < path->nothers; i++) {
			sova_chain_copy(&result->other_flows[i], &path->others[i]);
			result->other_entries[i] = path->other_entries[i];
		}
		result->nother_flows = path->nothers;
	}
	result->more_entries = path->more_entries;
	char *text;
	char *how = sova_entry_origin_phrase(path->origin, path->how);
	if (!path->registered) {
		text = sova_xasprintf("'%s' runs %s: it is %s", path->entry, context_place(path->context), how);
	} else {
		int here = sova_result_relate(result, &path->submitted);
		text = sova_xasprintf("'%s' runs %s (%s [here](%d))", path->entry, context_place(path->context), how,
				      here);
	}
	free(how);
	char *unresolved = unresolved_phrase(result, path);
	char *phrase = sova_xasprintf("%s%s", text, unresolved);
	free(text);
	free(unresolved);
	return phrase;
}

int sova_result_origin(struct sova_result *result, const struct sova_site *site)
{
	sova_chain_copy(&result->chain, &site->origin);
	return sova_result_relate(result, &site->origin.steps[site->origin.nsteps - 1]);
}
