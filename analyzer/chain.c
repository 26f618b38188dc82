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
		return sova_xasprintf("registered with field '%s'", how);
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
	for (size_t i = 0; i + 1 < path->n; i++) {
		const struct sova_call *call = sova_engine_call(e, path->defs[i], path->calls[i]);
		sova_chain_add(chain, sova_engine_loc(e, path->defs[i], call->loc), (unsigned)i + 1,
			       sova_xasprintf("'%s' calls '%s'", sova_engine_def_name(e, path->defs[i]), sova_engine_def_name(e, path->defs[i + 1])));
	}
	int last = path->defs[path->n - 1];
	const struct sova_call *site = sova_engine_call(e, last, site_call);
	sova_chain_add(chain, sova_engine_loc(e, last, site->loc), (unsigned)path->n,
		       sova_xasprintf("'%s' blocks in '%s'", sova_engine_def_name(e, last), site->callee_name));
}
