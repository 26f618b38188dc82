/* chain.c - the steps of a result's chain: from the entry that runs in an
 * async context, through each call, to the blocking call. */
#include "contexts_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void sova_chain_add(struct sova_chain *chain, struct sova_loc loc, unsigned depth, char *message)
{
	struct sova_step step = { loc, depth, message };
	SOVA_PUSH(chain->steps, chain->nsteps, chain->capsteps, step);
}

void sova_chain_free(struct sova_chain *chain)
{
	for (size_t i = 0; i < chain->nsteps; i++)
		free(chain->steps[i].message);
	free(chain->steps);
	memset(chain, 0, sizeof(*chain));
}

void sova_chains_free(struct sova_chain *chains, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sova_chain_free(&chains[i]);
	free(chains);
}

void sova_chain_copy(struct sova_chain *dst, const struct sova_chain *src)
{
	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; i < src->nsteps; i++)
		sova_chain_add(dst, src->steps[i].loc, src->steps[i].depth, sova_xstrdup(src->steps[i].message));
}

char *sova_entry_origin_phrase(enum sova_entry_origin origin, const char *how)
{
	switch (origin) {
	case SOVA_ENTRY_FIELD:
		return sova_xasprintf("stored in field %s", how);
	case SOVA_ENTRY_ANNOTATION:
		return sova_xasprintf("annotated %s", how);
	default:
		return sova_xasprintf("registered with '%s'", how);
	}
}

char *sova_context_phrase(enum sova_context context)
{
	const char *name = sova_context_name(context);
	return sova_xasprintf("%s %s context", strchr("aeiou", name[0]) ? "an" : "a", name);
}

static char *entry_message(const struct sova_entry *entry, const char *name)
{
	char *ctx = sova_context_phrase(entry->context);
	char *how = sova_entry_origin_phrase(entry->origin, entry->how);
	char *text = sova_xasprintf("'%s' runs in %s: it is %s", name, ctx, how);
	free(ctx);
	free(how);
	return text;
}

void sova_worker_chain(const struct sova_engine *e, const struct sova_path *path, int site_call,
		       const struct sova_entry *entry, struct sova_chain *chain, struct sova_step *submitted)
{
	int first = path->defs[0];
	const struct sova_func *entry_fn = e->prog->defs[first].fn;
	sova_chain_add(chain, sova_engine_loc(e, first, entry_fn->loc), 1, entry_message(entry, entry_fn->name));
	submitted->message = NULL;
	if (entry->def >= 0) {
		submitted->loc = entry->loc;
		char *how = sova_entry_origin_phrase(entry->origin, entry->how);
		submitted->message = sova_xasprintf("'%s' is %s here", entry_fn->name, how);
		free(how);
	}
	/* A chain of thousands of calls (generated code) is shown by its ends:
	 * the calls [skip_from, skip_to) become one step, and the result's size
	 * stays bounded whatever the depth. */
	size_t ncalls = path->n - 1, skip_from = ncalls, skip_to = ncalls;
	if (ncalls > SOVA_CHAIN_SHOWN_CALLS) {
		skip_from = SOVA_CHAIN_SHOWN_CALLS / 2;
		skip_to = ncalls - SOVA_CHAIN_SHOWN_CALLS / 2;
	}
	for (size_t i = 0; i < ncalls; i++) {
		if (i > skip_from && i < skip_to)
			continue;
		const struct sova_call *call = sova_engine_call(e, path->defs[i], path->calls[i]);
		const char *caller = sova_engine_def_name(e, path->defs[i]);
		const char *callee = sova_engine_def_name(e, path->defs[i + 1]);
		char *message = i == skip_from ? sova_xasprintf("'%s' calls '%s', and %zu calls more lead to '%s'", caller,
								callee, skip_to - skip_from - 1,
								sova_engine_def_name(e, path->defs[skip_to]))
					       : sova_xasprintf("'%s' calls '%s'", caller, callee);
		sova_chain_add(chain, sova_engine_loc(e, path->defs[i], call->loc), (unsigned)i + 1, message);
	}
	int last = path->defs[path->n - 1];
	const struct sova_call *site = sova_engine_call(e, last, site_call);
	sova_chain_add(chain, sova_engine_loc(e, last, site->loc), (unsigned)path->n,
		       sova_xasprintf("'%s' blocks in '%s'", sova_engine_def_name(e, last), site->callee_name));
}
