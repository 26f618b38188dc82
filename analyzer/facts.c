/* facts.c - ownership and identity of the per-TU summary's values. */
#include "facts.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- checking facts read from outside ---- */

static int loc_ok(const struct sova_tu_facts *facts, const struct sova_loc *loc)
{
	return loc->file >= -1 && (loc->file < 0 || (size_t)loc->file < facts->nfiles);
}

static int val_ok(const struct sova_val *v, size_t ncalls)
{
	if (v->kind < SOVA_VAL_UNKNOWN || v->kind > SOVA_VAL_LAST)
		return 0;
	if (v->kind == SOVA_VAL_CALL)
		return v->num >= 0 && (size_t)v->num < ncalls;
	return v->kind == SOVA_VAL_UNKNOWN || v->kind == SOVA_VAL_INT || v->usr != NULL;
}

static int assigns_ok(const struct sova_assign *a, size_t n, size_t ncalls)
{
	for (size_t i = 0; i < n; i++)
		if (!val_ok(&a[i].target, ncalls) || !val_ok(&a[i].value, ncalls) || !val_ok(&a[i].object, ncalls) ||
		    a[i].seq > 0x7fffffffU)
			return 0;
	return 1;
}

static int cond_ok(const struct sova_cond *cond)
{
	return cond->param >= 0 && (cond->equal == 0 || cond->equal == 1) &&
	       (cond->rel == SOVA_COND_EQUALS || (cond->rel == SOVA_COND_LESS && !cond->mask));
}

static int call_ok(const struct sova_tu_facts *facts, const struct sova_call *c, size_t index, size_t ncalls)
{
	if (!loc_ok(facts, &c->loc) || !c->callee_name || (!c->callee_usr && !val_ok(&c->callee, ncalls)) ||
	    !val_ok(&c->callee_object, index))
		return 0;
	for (size_t i = 0; i < c->nargs; i++)
		if (!val_ok(&c->args[i], ncalls))
			return 0;
	for (size_t i = 0; i < c->nloop_reads; i++)
		if (!val_ok(&c->loop_reads[i], ncalls))
			return 0;
	for (size_t i = 0; i < c->nguards; i++)
		if (c->guards[i] < -0x7fffffff || (size_t)sova_guard_call(c->guards[i]) >= index)
			return 0;
	for (size_t i = 0; i < c->nconds; i++)
		if (!cond_ok(&c->conds[i]))
			return 0;
	for (size_t i = 0; i < c->nentry_conds; i++)
		if (!cond_ok(&c->entry_conds[i].a) || !cond_ok(&c->entry_conds[i].b))
			return 0;
	for (size_t i = 0; i < c->narg_conds; i++)
		if (!cond_ok(&c->arg_conds[i]) || (size_t)c->arg_conds[i].param >= c->nargs)
			return 0;
	for (size_t i = 0; i < c->narg_equals; i++)
		if (c->arg_equals[i].arg < 0 || (size_t)c->arg_equals[i].arg >= c->nargs || c->arg_equals[i].test < 0 ||
		    (size_t)c->arg_equals[i].test >= c->narg_equals ||
		    !val_ok(&c->arg_equals[i].value, ncalls))
			return 0;
	for (size_t i = 0; i < c->nderived_args; i++) {
		const struct sova_derived_arg *t = &c->derived_args[i];
		if (t->arg < 0 || (size_t)t->arg >= c->nargs || (t->keep_bits != 0 && t->keep_bits != 1) ||
		    !cond_ok(&t->cond) || (t->keep_bits && (t->cond.path || !t->cond.mask)))
			return 0;
	}
	return c->dies_at >= SOVA_DIES_SPINNING && (c->dies_at <= 0 || (size_t)c->dies_at <= ncalls);
}

static int func_ok(const struct sova_tu_facts *facts, const struct sova_func *f)
{
	if (!f->usr || !f->name || !loc_ok(facts, &f->loc) || !assigns_ok(f->assigns, f->nassigns, f->ncalls))
		return 0;
	for (size_t i = 0; i < f->ncalls; i++)
		if (!call_ok(facts, &f->calls[i], i, f->ncalls))
			return 0;
	for (size_t i = 0; i < f->nreturns; i++)
		if (!val_ok(&f->returns[i], f->ncalls))
			return 0;
	return f->ends_with <= f->ncalls;
}

int sova_tu_facts_check(const struct sova_tu_facts *facts)
{
	if (!facts->main_file || !assigns_ok(facts->globals, facts->nglobals, 0))
		return -1;
	for (size_t i = 0; i < facts->nfuncs; i++)
		if (!func_ok(facts, &facts->funcs[i]))
			return -1;
	for (size_t i = 0; i < facts->ndecls; i++)
		if (!facts->decls[i].usr || !facts->decls[i].name)
			return -1;
	for (size_t i = 0; i < facts->ndiags; i++)
		if (facts->diags[i].level < SOVA_DIAG_NOTE || facts->diags[i].level > SOVA_DIAG_ERROR ||
		    !facts->diags[i].message)
			return -1;
	for (size_t i = 0; i < facts->nmarkers; i++)
		if (facts->markers[i].file < 0 || (size_t)facts->markers[i].file >= facts->nfiles ||
		    !facts->markers[i].text)
			return -1;
	return 0;
}

/* ---- ownership ---- */

/* Arrays grow by doubling while facts are built. A TU's facts live until
 * the run ends: each array moves, at its size, into the pool. */
#define ADOPT(pool, items, count, cap) \
	((items) = sova_strpool_adopt((pool), (void *)(items), (count), sizeof(*(items))), (cap) = (count))

#define BYTES(count, items) sova_strpool_array_bytes((count), sizeof(*(items)))

static size_t array_bytes(const struct sova_tu_facts *facts)
{
	size_t bytes = BYTES(facts->nfiles, facts->files) + BYTES(facts->nincludes, facts->includes) +
		       BYTES(facts->nfuncs, facts->funcs) + BYTES(facts->nglobals, facts->globals) +
		       BYTES(facts->ndecls, facts->decls) + BYTES(facts->ndiags, facts->diags) +
		       BYTES(facts->nmarkers, facts->markers);
	for (size_t i = 0; i < facts->nfuncs; i++) {
		const struct sova_func *f = &facts->funcs[i];
		bytes += BYTES(f->nannotations, f->annotations) + BYTES(f->ncalls, f->calls) +
			 BYTES(f->nassigns, f->assigns) + BYTES(f->nreturns, f->returns);
		for (size_t c = 0; c < f->ncalls; c++)
			bytes += BYTES(f->calls[c].nargs, f->calls[c].args) + BYTES(f->calls[c].nguards, f->calls[c].guards) +
				 BYTES(f->calls[c].nconds, f->calls[c].conds) +
				 BYTES(f->calls[c].nderived_args, f->calls[c].derived_args) +
				 BYTES(f->calls[c].nentry_conds, f->calls[c].entry_conds) +
				 BYTES(f->calls[c].narg_conds, f->calls[c].arg_conds) +
				 BYTES(f->calls[c].narg_equals, f->calls[c].arg_equals) +
				 BYTES(f->calls[c].nloop_reads, f->calls[c].loop_reads);
	}
	for (size_t i = 0; i < facts->ndecls; i++)
		bytes += BYTES(facts->decls[i].nannotations, facts->decls[i].annotations);
	return bytes;
}

void sova_tu_facts_seal(struct sova_tu_facts *facts)
{
	if (facts->sealed)
		return;
	struct sova_strpool *pool = &facts->strings;
	sova_strpool_reserve(pool, array_bytes(facts));
	for (size_t i = 0; i < facts->nfuncs; i++) {
		struct sova_func *f = &facts->funcs[i];
		for (size_t c = 0; c < f->ncalls; c++) {
			struct sova_call *call = &f->calls[c];
			call->args = sova_strpool_adopt(pool, call->args, call->nargs, sizeof(*call->args));
			call->guards = sova_strpool_adopt(pool, call->guards, call->nguards, sizeof(*call->guards));
			call->conds = sova_strpool_adopt(pool, call->conds, call->nconds, sizeof(*call->conds));
			call->derived_args =
				sova_strpool_adopt(pool, call->derived_args, call->nderived_args, sizeof(*call->derived_args));
			call->entry_conds =
				sova_strpool_adopt(pool, call->entry_conds, call->nentry_conds, sizeof(*call->entry_conds));
			call->arg_conds =
				sova_strpool_adopt(pool, call->arg_conds, call->narg_conds, sizeof(*call->arg_conds));
			call->arg_equals =
				sova_strpool_adopt(pool, call->arg_equals, call->narg_equals, sizeof(*call->arg_equals));
			call->loop_reads =
				sova_strpool_adopt(pool, call->loop_reads, call->nloop_reads, sizeof(*call->loop_reads));
		}
		ADOPT(pool, f->annotations, f->nannotations, f->capannotations);
		ADOPT(pool, f->calls, f->ncalls, f->capcalls);
		ADOPT(pool, f->assigns, f->nassigns, f->capassigns);
		ADOPT(pool, f->returns, f->nreturns, f->capreturns);
	}
	for (size_t i = 0; i < facts->ndecls; i++)
		ADOPT(pool, facts->decls[i].annotations, facts->decls[i].nannotations, facts->decls[i].capannotations);
	ADOPT(pool, facts->files, facts->nfiles, facts->capfiles);
	ADOPT(pool, facts->includes, facts->nincludes, facts->capincludes);
	ADOPT(pool, facts->funcs, facts->nfuncs, facts->capfuncs);
	ADOPT(pool, facts->globals, facts->nglobals, facts->capglobals);
	ADOPT(pool, facts->decls, facts->ndecls, facts->capdecls);
	ADOPT(pool, facts->diags, facts->ndiags, facts->capdiags);
	ADOPT(pool, facts->markers, facts->nmarkers, facts->capmarkers);
	sova_strpool_seal(pool);
	facts->sealed = 1;
}

static void func_free(struct sova_func *fn)
{
	free(fn->annotations);
	for (size_t i = 0; i < fn->ncalls; i++) {
		free(fn->calls[i].args);
		free(fn->calls[i].guards);
		free(fn->calls[i].conds);
		free(fn->calls[i].derived_args);
		free(fn->calls[i].entry_conds);
		free(fn->calls[i].arg_conds);
		free(fn->calls[i].arg_equals);
		free(fn->calls[i].loop_reads);
	}
	free(fn->calls);
	free(fn->assigns);
	free(fn->returns);
}

/* The arrays of facts not yet sealed: each is an allocation of its own. */
static void free_arrays(struct sova_tu_facts *facts)
{
	free(facts->files);
	free(facts->includes);
	for (size_t i = 0; i < facts->nfuncs; i++)
		func_free(&facts->funcs[i]);
	free(facts->funcs);
	free(facts->globals);
	for (size_t i = 0; i < facts->ndecls; i++)
		free(facts->decls[i].annotations);
	free(facts->decls);
	free(facts->diags);
	free(facts->markers);
}

void sova_tu_facts_free(struct sova_tu_facts *facts)
{
	if (!facts->sealed)
		free_arrays(facts);
	sova_strpool_free(&facts->strings);
	memset(facts, 0, sizeof(*facts));
}

void sova_tu_add_diag(struct sova_tu_facts *facts, enum sova_diag_level level, const char *file, unsigned line,
		      unsigned col, const char *message)
{
	assert(!facts->sealed);
	struct sova_diag d = {
		.level = level,
		.file = sova_strpool_add(&facts->strings, file),
		.line = line,
		.col = col,
		.message = sova_strpool_add(&facts->strings, message),
	};
	SOVA_PUSH(facts->diags, facts->ndiags, facts->capdiags, d);
}

const struct sova_diag *sova_tu_first_error(const struct sova_tu_facts *facts)
{
	for (size_t i = 0; i < facts->ndiags; i++)
		if (facts->diags[i].level == SOVA_DIAG_ERROR)
			return &facts->diags[i];
	return NULL;
}

int sova_tu_cacheable(const struct sova_tu_facts *facts)
{
	return !facts->failed && !sova_tu_first_error(facts);
}

int sova_val_slot_key(const struct sova_val *val, char *buf, size_t len)
{
	int n;
	switch (val->kind) {
	case SOVA_VAL_LOCAL:
		n = snprintf(buf, len, "L:%s", val->usr);
		break;
	case SOVA_VAL_GLOBAL:
		n = snprintf(buf, len, "G:%s", val->usr);
		break;
	case SOVA_VAL_FIELD:
		n = snprintf(buf, len, "F:%s", val->usr);
		break;
	case SOVA_VAL_PARAM:
		n = snprintf(buf, len, "P:%s#%ld", val->usr, val->num);
		break;
	default:
		return 0;
	}
	return n > 0 && (size_t)n < len;
}

int sova_val_same(const struct sova_val *a, const struct sova_val *b)
{
	if (a->kind != b->kind || a->kind == SOVA_VAL_UNKNOWN)
		return 0;
	if (a->kind == SOVA_VAL_INT || a->kind == SOVA_VAL_CALL)
		return a->num == b->num;
	if (!a->usr || !b->usr || strcmp(a->usr, b->usr) != 0)
		return 0;
	return a->kind != SOVA_VAL_PARAM || a->num == b->num;
}

int sova_func_passes_address(const struct sova_func *fn, const struct sova_val *v)
{
	for (size_t c = 0; c < fn->ncalls; c++)
		for (size_t i = 0; i < fn->calls[c].nargs; i++) {
			const struct sova_val *arg = &fn->calls[c].args[i];
			if (arg->address && !arg->path && sova_val_same(arg, v))
				return 1;
		}
	return 0;
}

int sova_val_same_access(const struct sova_val *a, const struct sova_val *b)
{
	if (!sova_val_same(a, b) || a->element != b->element || a->address != b->address)
		return 0;
	if (!a->path || !b->path)
		return !a->path && !b->path;
	return strcmp(a->path, b->path) == 0;
}

/* The members of a path, without its base. */
static const char *member_chain(const char *path)
{
	return path ? strchr(path, SOVA_PATH_MEMBER) : NULL;
}

int sova_val_contains(const struct sova_val *outer, const struct sova_val *inner)
{
	if (inner->kind != SOVA_VAL_FIELD || !inner->path)
		return 0;
	/* A variable holds every member written out from it. */
	if ((outer->kind == SOVA_VAL_GLOBAL || outer->kind == SOVA_VAL_LOCAL) && !outer->path && outer->usr) {
		size_t n = strlen(outer->usr);
		return strncmp(inner->path, outer->usr, n) == 0 && inner->path[n] == SOVA_PATH_MEMBER;
	}
	if (outer->kind != SOVA_VAL_FIELD)
		return 0;
	const char *o = member_chain(outer->path), *i = member_chain(inner->path);
	if (!o || !i)
		return 0;
	size_t n = strlen(o);
	return strncmp(i, o, n) == 0 && i[n] == SOVA_PATH_MEMBER;
}

int sova_cond_same(const struct sova_cond *a, const struct sova_cond *b)
{
	int same_path = a->path && b->path ? strcmp(a->path, b->path) == 0 : a->path == b->path;
	return a->param == b->param && same_path && a->equal == b->equal && a->value == b->value && a->mask == b->mask &&
	       a->rel == b->rel;
}

int sova_path_has_field(const char *path, const char *field)
{
	size_t n = strlen(field);
	for (const char *at = path ? strstr(path, field) : NULL; at; at = strstr(at + 1, field))
		if (at > path && at[-1] == SOVA_PATH_MEMBER && (at[n] == '\0' || at[n] == SOVA_PATH_MEMBER))
			return 1;
	return 0;
}
