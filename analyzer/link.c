/* link.c - stage 4: joins the per-TU summaries into one whole program. */
#include "link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct edge {
	int src, dst;
};

/* An indirect call and the targets whose parameters it has bound so far. */
struct pending_call {
	int def;
	size_t call;
	int slot;
	int *bound;
	size_t nbound, capbound;
};

struct linker {
	struct sova_program *prog;
	struct edge *edges;
	size_t nedges, capedges;
	struct pending_call *pending;
	size_t npending, cappending;
	int changed;
};

static int intern_file(struct sova_program *prog, const char *path)
{
	int i = sova_strmap_get(&prog->file_by_path, path);
	if (i >= 0)
		return i;
	i = (int)prog->nfiles;
	SOVA_PUSH(prog->files, prog->nfiles, prog->capfiles, sova_xstrdup(path));
	sova_strmap_put(&prog->file_by_path, path, i);
	return i;
}

static int intern_sym(struct sova_program *prog, const char *usr, const char *name)
{
	int i = sova_strmap_get(&prog->sym_by_usr, usr);
	if (i >= 0)
		return i;
	struct sova_sym sym;
	memset(&sym, 0, sizeof(sym));
	sym.usr = sova_xstrdup(usr);
	sym.name = sova_xstrdup(name && name[0] ? name : usr);
	i = (int)prog->nsyms;
	SOVA_PUSH(prog->syms, prog->nsyms, prog->capsyms, sym);
	sova_strmap_put(&prog->sym_by_usr, usr, i);
	return i;
}

static int intern_slot(struct sova_program *prog, const char *key)
{
	int i = sova_strmap_get(&prog->slot_by_key, key);
	if (i >= 0)
		return i;
	struct sova_slot slot;
	memset(&slot, 0, sizeof(slot));
	i = (int)prog->nslots;
	SOVA_PUSH(prog->slots, prog->nslots, prog->capslots, slot);
	sova_strmap_put(&prog->slot_by_key, key, i);
	return i;
}

static void add_annotations(struct sova_sym *sym, char *const *annotations, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (sova_sym_annotated(sym, annotations[i]))
			continue;
		SOVA_PUSH(sym->annotations, sym->nannotations, sym->capannotations, annotations[i]);
	}
}

int sova_sym_annotated(const struct sova_sym *sym, const char *annotation)
{
	for (size_t i = 0; i < sym->nannotations; i++)
		if (strcmp(sym->annotations[i], annotation) == 0)
			return 1;
	return 0;
}

struct sova_loc sova_program_loc(const struct sova_program *prog, int tu, struct sova_loc loc)
{
	if (loc.file >= 0)
		loc.file = prog->file_maps[tu][loc.file];
	return loc;
}

/* A body already linked from another TU: a static inline function in a
 * header is defined once per including TU, at one place. */
static int duplicate_def(const struct sova_program *prog, const struct sova_sym *sym, int tu,
			 const struct sova_func *fn)
{
	struct sova_loc here = sova_program_loc(prog, tu, fn->loc);
	for (size_t i = 0; i < sym->ndefs; i++) {
		const struct sova_def *d = &prog->defs[sym->defs[i]];
		struct sova_loc there = sova_program_loc(prog, d->tu, d->fn->loc);
		if (here.file == there.file && here.line == there.line && here.col == there.col)
			return 1;
	}
	return 0;
}

static void link_functions(struct sova_program *prog, int tu)
{
	const struct sova_tu_facts *facts = &prog->tus[tu];
	for (size_t i = 0; i < facts->nfuncs; i++) {
		const struct sova_func *fn = &facts->funcs[i];
		int s = intern_sym(prog, fn->usr, fn->name);
		add_annotations(&prog->syms[s], fn->annotations, fn->nannotations);
		if (duplicate_def(prog, &prog->syms[s], tu, fn))
			continue;
		struct sova_def def = { .fn = fn, .tu = tu, .sym = s };
		SOVA_PUSH(prog->defs, prog->ndefs, prog->capdefs, def);
		SOVA_PUSH(prog->syms[s].defs, prog->syms[s].ndefs, prog->syms[s].capdefs, (int)prog->ndefs - 1);
	}
	for (size_t i = 0; i < facts->ndecls; i++) {
		int s = intern_sym(prog, facts->decls[i].usr, facts->decls[i].name);
		add_annotations(&prog->syms[s], facts->decls[i].annotations, facts->decls[i].nannotations);
	}
}

static int slot_key_of(const struct sova_def *def, const struct sova_val *val, char *buf, size_t len)
{
	if (val->kind != SOVA_VAL_CALL)
		return sova_val_slot_key(val, buf, len);
	if (!def || val->num < 0 || (size_t)val->num >= def->fn->ncalls)
		return 0;
	const struct sova_call *call = &def->fn->calls[val->num];
	if (!call->callee_usr)
		return 0;
	int n = snprintf(buf, len, "R:%s", call->callee_usr);
	return n > 0 && (size_t)n < len;
}

int sova_program_slot_of(const struct sova_program *prog, const struct sova_def *def, const struct sova_val *val)
{
	char key[1024];
	if (!slot_key_of(def, val, key, sizeof(key)))
		return -1;
	return sova_strmap_get(&prog->slot_by_key, key);
}

static int linker_slot(struct linker *l, const struct sova_def *def, const struct sova_val *val)
{
	char key[1024];
	if (!slot_key_of(def, val, key, sizeof(key)))
		return -1;
	return intern_slot(l->prog, key);
}

static int slot_add(struct sova_slot *slot, int sym)
{
	size_t lo = 0, hi = slot->nsyms;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (slot->syms[mid] < sym)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < slot->nsyms && slot->syms[lo] == sym)
		return 0;
	SOVA_GROW(slot->syms, slot->nsyms, slot->capsyms);
	memmove(&slot->syms[lo + 1], &slot->syms[lo], (slot->nsyms - lo) * sizeof(int));
	slot->syms[lo] = sym;
	slot->nsyms++;
	return 1;
}

/* dst may hold whatever val holds: a function now, or a slot's contents. */
static void flow(struct linker *l, int dst, const struct sova_def *def, const struct sova_val *val)
{
	if (dst < 0)
		return;
	if (val->kind == SOVA_VAL_FUNC) {
		int s = intern_sym(l->prog, val->usr, val->name);
		l->changed |= slot_add(&l->prog->slots[dst], s);
		return;
	}
	int src = linker_slot(l, def, val);
	if (src >= 0 && src != dst) {
		struct edge e = { src, dst };
		SOVA_PUSH(l->edges, l->nedges, l->capedges, e);
		l->changed = 1;
	}
}

static void bind_args(struct linker *l, const struct sova_def *def, const struct sova_call *call, const char *usr)
{
	for (size_t i = 0; i < call->nargs; i++) {
		if (call->args[i].kind == SOVA_VAL_UNKNOWN || call->args[i].kind == SOVA_VAL_INT)
			continue;
		char key[1024];
		snprintf(key, sizeof(key), "P:%s#%zu", usr, i);
		flow(l, intern_slot(l->prog, key), def, &call->args[i]);
	}
}

static void flow_assigns(struct linker *l, const struct sova_assign *assigns, size_t n, int def, int tu)
{
	const struct sova_def *d = def >= 0 ? &l->prog->defs[def] : NULL;
	for (size_t i = 0; i < n; i++) {
		struct sova_prog_assign pa = { &assigns[i], def, tu };
		SOVA_PUSH(l->prog->assigns, l->prog->nassigns, l->prog->capassigns, pa);
		flow(l, linker_slot(l, d, &assigns[i].target), d, &assigns[i].value);
	}
}

static void flow_def(struct linker *l, int index)
{
	const struct sova_def *def = &l->prog->defs[index];
	const struct sova_func *fn = def->fn;
	flow_assigns(l, fn->assigns, fn->nassigns, index, def->tu);
	char key[1024];
	snprintf(key, sizeof(key), "R:%s", fn->usr);
	int ret = intern_slot(l->prog, key);
	for (size_t i = 0; i < fn->nreturns; i++)
		flow(l, ret, def, &fn->returns[i]);
	for (size_t c = 0; c < fn->ncalls; c++) {
		const struct sova_call *call = &fn->calls[c];
		if (call->callee_usr) {
			intern_sym(l->prog, call->callee_usr, call->callee_name);
			bind_args(l, def, call, call->callee_usr);
			continue;
		}
		int slot = linker_slot(l, def, &call->callee);
		if (slot < 0)
			continue;
		struct pending_call p = { .def = index, .call = c, .slot = slot };
		SOVA_PUSH(l->pending, l->npending, l->cappending, p);
	}
}

static int pending_bound(const struct pending_call *p, int sym)
{
	for (size_t i = 0; i < p->nbound; i++)
		if (p->bound[i] == sym)
			return 1;
	return 0;
}

/* Binds the arguments of indirect calls to the parameters of targets found so far. */
static void flow_pending(struct linker *l)
{
	for (size_t i = 0; i < l->npending; i++) {
		struct pending_call *p = &l->pending[i];
		const struct sova_slot *slot = &l->prog->slots[p->slot];
		for (size_t k = 0; k < slot->nsyms; k++) {
			int s = slot->syms[k];
			if (pending_bound(p, s))
				continue;
			SOVA_PUSH(p->bound, p->nbound, p->capbound, s);
			const struct sova_def *def = &l->prog->defs[p->def];
			bind_args(l, def, &def->fn->calls[p->call], l->prog->syms[s].usr);
			slot = &l->prog->slots[p->slot];
		}
	}
}

static void solve(struct linker *l)
{
	do {
		l->changed = 0;
		for (size_t i = 0; i < l->nedges; i++) {
			struct sova_slot *src = &l->prog->slots[l->edges[i].src];
			for (size_t k = 0; k < src->nsyms; k++) {
				l->changed |= slot_add(&l->prog->slots[l->edges[i].dst], src->syms[k]);
				src = &l->prog->slots[l->edges[i].src];
			}
		}
		flow_pending(l);
	} while (l->changed);
}

static int *targets_of(const struct sova_program *prog, const struct sova_def *def, const struct sova_call *call)
{
	if (call->callee_usr) {
		int *t = sova_xmalloc(2 * sizeof(int));
		t[0] = sova_strmap_get(&prog->sym_by_usr, call->callee_usr);
		t[1] = -1;
		return t;
	}
	int slot = sova_program_slot_of(prog, def, &call->callee);
	size_t n = slot >= 0 ? prog->slots[slot].nsyms : 0;
	int *t = sova_xmalloc((n + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++)
		t[i] = prog->slots[slot].syms[i];
	t[n] = -1;
	return t;
}

static void build_targets(struct sova_program *prog)
{
	for (size_t d = 0; d < prog->ndefs; d++) {
		struct sova_def *def = &prog->defs[d];
		def->targets = sova_xcalloc(def->fn->ncalls, sizeof(*def->targets));
		for (size_t c = 0; c < def->fn->ncalls; c++)
			def->targets[c] = targets_of(prog, def, &def->fn->calls[c]);
	}
}

static void map_files(struct sova_program *prog)
{
	prog->file_maps = sova_xcalloc(prog->ntus, sizeof(*prog->file_maps));
	for (size_t t = 0; t < prog->ntus; t++) {
		const struct sova_tu_facts *facts = &prog->tus[t];
		prog->file_maps[t] = sova_xcalloc(facts->nfiles, sizeof(int));
		for (size_t f = 0; f < facts->nfiles; f++)
			prog->file_maps[t][f] = intern_file(prog, facts->files[f]);
	}
}

void sova_link(const struct sova_tu_facts *tus, size_t ntus, struct sova_program *prog)
{
	memset(prog, 0, sizeof(*prog));
	prog->tus = tus;
	prog->ntus = ntus;
	sova_strmap_init(&prog->sym_by_usr);
	sova_strmap_init(&prog->slot_by_key);
	sova_strmap_init(&prog->file_by_path);
	map_files(prog);
	for (size_t t = 0; t < ntus; t++)
		link_functions(prog, (int)t);
	struct linker l = { .prog = prog };
	for (size_t t = 0; t < ntus; t++)
		flow_assigns(&l, tus[t].globals, tus[t].nglobals, -1, (int)t);
	for (size_t d = 0; d < prog->ndefs; d++)
		flow_def(&l, (int)d);
	solve(&l);
	build_targets(prog);
	for (size_t i = 0; i < l.npending; i++)
		free(l.pending[i].bound);
	free(l.pending);
	free(l.edges);
}

void sova_program_free(struct sova_program *prog)
{
	for (size_t i = 0; i < prog->nfiles; i++)
		free(prog->files[i]);
	free(prog->files);
	for (size_t t = 0; t < prog->ntus; t++)
		free(prog->file_maps[t]);
	free(prog->file_maps);
	for (size_t i = 0; i < prog->nsyms; i++) {
		free(prog->syms[i].usr);
		free(prog->syms[i].name);
		free(prog->syms[i].annotations);
		free(prog->syms[i].defs);
	}
	free(prog->syms);
	for (size_t d = 0; d < prog->ndefs; d++) {
		for (size_t c = 0; c < prog->defs[d].fn->ncalls; c++)
			free(prog->defs[d].targets[c]);
		free(prog->defs[d].targets);
	}
	free(prog->defs);
	for (size_t i = 0; i < prog->nslots; i++)
		free(prog->slots[i].syms);
	free(prog->slots);
	free(prog->assigns);
	sova_strmap_free(&prog->sym_by_usr);
	sova_strmap_free(&prog->slot_by_key);
	sova_strmap_free(&prog->file_by_path);
	memset(prog, 0, sizeof(*prog));
}
