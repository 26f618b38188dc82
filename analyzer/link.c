/* link.c - stage 4: joins the per-TU summaries into one whole program. */
#include "link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An indirect call, and the set its slot held when its targets' parameters
 * were last bound: the targets bound so far. */
struct pending_call {
	int def;
	size_t call;
	int slot;
	struct sova_symset *bound;
};

/* A list of ints per slot, grown with the slot table. */
struct per_slot {
	int **items;
	size_t *count, *cap;
};

/* The points-to solver: slots whose contents changed wait in a work list
 * and pass their functions on to the slots they flow into. */
struct linker {
	struct sova_program *prog;
	size_t nslots;            /* slots the per-slot arrays cover */
	struct per_slot succ;     /* slot -> slots it flows into */
	struct per_slot calls_at; /* slot -> pending calls made through it */
	/* slot -> functions added to it but not yet merged into its set. A slot
	 * that gains thousands of functions one at a time (a pool's task
	 * parameter) would otherwise be copied and hashed once per function. */
	struct per_slot adds;
	struct pending_call *pending;
	size_t npending, cappending;
	int *work;
	size_t nwork, capwork;
	unsigned char *queued;
	int *scratch; /* a slot's next contents, before they are interned */
	size_t capscratch;
};

static void per_slot_grow(struct per_slot *p, size_t old, size_t n)
{
	p->items = sova_xrealloc(p->items, n, sizeof(*p->items));
	p->count = sova_xrealloc(p->count, n, sizeof(*p->count));
	p->cap = sova_xrealloc(p->cap, n, sizeof(*p->cap));
	for (size_t i = old; i < n; i++) {
		p->items[i] = NULL;
		p->count[i] = p->cap[i] = 0;
	}
}

static void per_slot_free(struct per_slot *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p->items[i]);
	free(p->items);
	free(p->count);
	free(p->cap);
}

/* Makes the linker's per-slot arrays cover every slot interned so far. */
static void cover_slots(struct linker *l)
{
	size_t n = l->prog->nslots;
	if (n <= l->nslots)
		return;
	size_t grown = n * 2;
	per_slot_grow(&l->succ, l->nslots, grown);
	per_slot_grow(&l->calls_at, l->nslots, grown);
	per_slot_grow(&l->adds, l->nslots, grown);
	l->queued = sova_xrealloc(l->queued, grown, 1);
	memset(l->queued + l->nslots, 0, grown - l->nslots);
	l->nslots = grown;
}

static void enqueue(struct linker *l, int slot)
{
	cover_slots(l);
	if (l->queued[slot])
		return;
	l->queued[slot] = 1;
	SOVA_PUSH(l->work, l->nwork, l->capwork, slot);
}

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
	sym.usr = usr;
	sym.name = name && name[0] ? name : usr;
	i = (int)prog->nsyms;
	SOVA_PUSH(prog->syms, prog->nsyms, prog->capsyms, sym);
	sova_strmap_put(&prog->sym_by_usr, usr, i);
	return i;
}

static int intern_slot(struct sova_program *prog, const struct sova_slot_key *key)
{
	int i = sova_slotmap_get(&prog->slot_by_key, key);
	if (i >= 0)
		return i;
	struct sova_slot slot;
	memset(&slot, 0, sizeof(slot));
	i = (int)prog->nslots;
	SOVA_PUSH(prog->slots, prog->nslots, prog->capslots, slot);
	sova_slotmap_put(&prog->slot_by_key, key, i);
	return i;
}

static void add_annotations(struct sova_sym *sym, const char *const *annotations, size_t n)
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

/* The body already linked from another TU, or -1: a static inline
 * function in a header is defined once per including TU, at one place. */
static int duplicate_def(const struct sova_program *prog, const struct sova_sym *sym, int tu,
			 const struct sova_func *fn)
{
	struct sova_loc here = sova_program_loc(prog, tu, fn->loc);
	for (size_t i = 0; i < sym->ndefs; i++) {
		const struct sova_def *d = &prog->defs[sym->defs[i]];
		struct sova_loc there = sova_program_loc(prog, d->tu, d->fn->loc);
		if (here.file == there.file && here.line == there.line && here.col == there.col)
			return sym->defs[i];
	}
	return -1;
}

/* Room for the last def's programs, zeroed. */
static void grow_def_units(struct sova_program *prog)
{
	size_t nw = prog->units.nwords, need = prog->ndefs * nw;
	if (need > prog->capdef_units) {
		prog->capdef_units = need * 2;
		prog->def_units = sova_xrealloc(prog->def_units, prog->capdef_units, sizeof(uint64_t));
	}
	memset(&prog->def_units[need - nw], 0, nw * sizeof(uint64_t));
}

/* A body linked once for several TUs is part of each of their programs. */
static void add_def_units(struct sova_program *prog, int def, int tu)
{
	size_t nw = prog->units.nwords;
	const uint64_t *more = sova_units_of(&prog->units, tu);
	for (size_t k = 0; k < nw; k++)
		prog->def_units[(size_t)def * nw + k] |= more[k];
}

static void link_functions(struct sova_program *prog, int tu)
{
	const struct sova_tu_facts *facts = &prog->tus[tu];
	for (size_t i = 0; i < facts->nfuncs; i++) {
		const struct sova_func *fn = &facts->funcs[i];
		int s = intern_sym(prog, fn->usr, fn->name);
		add_annotations(&prog->syms[s], fn->annotations, fn->nannotations);
		int dup = duplicate_def(prog, &prog->syms[s], tu, fn);
		if (dup >= 0) {
			add_def_units(prog, dup, tu);
			continue;
		}
		struct sova_def def = { .fn = fn, .tu = tu, .sym = s };
		SOVA_PUSH(prog->defs, prog->ndefs, prog->capdefs, def);
		SOVA_PUSH(prog->syms[s].defs, prog->syms[s].ndefs, prog->syms[s].capdefs, (int)prog->ndefs - 1);
		grow_def_units(prog);
		add_def_units(prog, (int)prog->ndefs - 1, tu);
	}
	for (size_t i = 0; i < facts->ndecls; i++) {
		int s = intern_sym(prog, facts->decls[i].usr, facts->decls[i].name);
		add_annotations(&prog->syms[s], facts->decls[i].annotations, facts->decls[i].nannotations);
	}
}

/* The storage a value names: a variable, a field, a parameter, or the
 * result of the call it is. Returns 0 when it names none. */
static int slot_key_of(const struct sova_def *def, const struct sova_val *val, struct sova_slot_key *key)
{
	static const enum sova_slot_tag tags[] = {
		[SOVA_VAL_LOCAL] = SOVA_SLOT_LOCAL, [SOVA_VAL_GLOBAL] = SOVA_SLOT_GLOBAL,
		[SOVA_VAL_FIELD] = SOVA_SLOT_FIELD, [SOVA_VAL_PARAM] = SOVA_SLOT_PARAM,
	};
	*key = (struct sova_slot_key){ SOVA_SLOT_NONE, NULL, 0 };
	if (val->kind == SOVA_VAL_CALL) {
		if (!def || val->num < 0 || (size_t)val->num >= def->fn->ncalls || !def->fn->calls[val->num].callee_usr)
			return 0;
		*key = (struct sova_slot_key){ SOVA_SLOT_RESULT, def->fn->calls[val->num].callee_usr, 0 };
		return 1;
	}
	if (val->kind < 0 || (size_t)val->kind >= sizeof(tags) / sizeof(tags[0]) || !tags[val->kind] || !val->usr)
		return 0;
	*key = (struct sova_slot_key){ tags[val->kind], val->usr, val->kind == SOVA_VAL_PARAM ? val->num : 0 };
	return 1;
}

/* The slot of one variable's member, when the program stores into it
 * directly (an initializer, ops.run = f); else -1. */
static int member_slot(const struct sova_program *prog, const char *member)
{
	struct sova_slot_key key = { SOVA_SLOT_MEMBER, member, 0 };
	return member ? sova_slotmap_get(&prog->slot_by_key, &key) : -1;
}

int sova_program_member_slot(const struct sova_program *prog, const struct sova_val *pointer, const char *fields)
{
	if (!fields || (pointer->element && !pointer->address))
		return -1;
	const char *base = pointer->member;
	if (!base && (pointer->kind == SOVA_VAL_GLOBAL || pointer->kind == SOVA_VAL_LOCAL) && !pointer->path)
		base = pointer->usr;
	if (!base)
		return -1;
	/* &ops points at ops itself; an array's name, at its elements. */
	const char *element = pointer->address ? "" : "[]";
	size_t nbase = strlen(base), nelement = strlen(element), nfields = strlen(fields);
	char small[512];
	char *member = nbase + nelement + nfields < sizeof(small) ? small : sova_xmalloc(nbase + nelement + nfields + 1);
	memcpy(member, base, nbase);
	memcpy(member + nbase, element, nelement);
	memcpy(member + nbase + nelement, fields, nfields + 1);
	int slot = member_slot(prog, member);
	if (member != small)
		free(member);
	return slot;
}

const struct sova_val *sova_def_resolve_local(const struct sova_def *def, const struct sova_val *val)
{
	for (int hops = 0; def && hops < 8 && val->kind == SOVA_VAL_LOCAL && !val->element; hops++) {
		const struct sova_func *fn = def->fn;
		const struct sova_val *only = NULL;
		for (size_t i = 0; i < fn->nassigns; i++) {
			const struct sova_assign *a = &fn->assigns[i];
			if (a->target.kind != SOVA_VAL_LOCAL || a->target.element || strcmp(a->target.usr, val->usr) != 0)
				continue;
			if (only && !sova_val_same(only, &a->value))
				return val;
			only = &a->value;
		}
		/* Only storage-to-storage aliases: "ex = arg" is the same executor as arg,
		 * but "ex = fut_serial_new()" is an identity of its own. */
		if (!only || only->kind == SOVA_VAL_CALL || only->kind == SOVA_VAL_INT || only->kind == SOVA_VAL_UNKNOWN)
			return val;
		val = only;
	}
	return val;
}

/* A field value's own member slot (ops.run), or -1. */
static int field_member_slot(const struct sova_program *prog, const struct sova_val *val)
{
	return val->kind == SOVA_VAL_FIELD ? member_slot(prog, val->member) : -1;
}

int sova_program_slot_of(const struct sova_program *prog, const struct sova_def *def, const struct sova_val *val)
{
	int member = field_member_slot(prog, val);
	if (member >= 0)
		return member;
	struct sova_slot_key key;
	if (!slot_key_of(def, val, &key))
		return -1;
	return sova_slotmap_get(&prog->slot_by_key, &key);
}

static int linker_slot(struct linker *l, const struct sova_def *def, const struct sova_val *val)
{
	int member = field_member_slot(l->prog, val);
	if (member >= 0)
		return member;
	struct sova_slot_key key;
	if (!slot_key_of(def, val, &key))
		return -1;
	return intern_slot(l->prog, &key);
}

static void slot_set(struct sova_program *prog, struct sova_slot *slot, size_t n, const int *syms)
{
	struct sova_symset *set = sova_symset_intern(&prog->sets, syms, n);
	sova_symset_release(&prog->sets, slot->set);
	slot->set = set;
	slot->syms = set->syms;
	slot->nsyms = set->n;
}

static int *scratch(struct linker *l, size_t n)
{
	if (n > l->capscratch) {
		l->capscratch = n * 2;
		l->scratch = sova_xrealloc(l->scratch, l->capscratch, sizeof(int));
	}
	return l->scratch;
}

static int slot_holds(const struct sova_slot *slot, int sym)
{
	size_t lo = 0, hi = slot->nsyms;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (slot->syms[mid] < sym)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < slot->nsyms && slot->syms[lo] == sym;
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Merges the functions added to a slot into its set. */
static void settle(struct linker *l, int index)
{
	if (index >= (int)l->nslots || !l->adds.count[index])
		return;
	int *adds = l->adds.items[index];
	size_t nadds = l->adds.count[index], unique = 0;
	qsort(adds, nadds, sizeof(*adds), compare_ints);
	for (size_t i = 0; i < nadds; i++)
		if (!unique || adds[unique - 1] != adds[i])
			adds[unique++] = adds[i];
	struct sova_slot *slot = &l->prog->slots[index];
	int *merged = scratch(l, slot->nsyms + unique);
	size_t i = 0, k = 0, n = 0;
	while (i < slot->nsyms || k < unique) {
		if (k == unique || (i < slot->nsyms && slot->syms[i] < adds[k]))
			merged[n++] = slot->syms[i++];
		else if (i == slot->nsyms || adds[k] < slot->syms[i])
			merged[n++] = adds[k++];
		else
			merged[n++] = slot->syms[i++], k++;
	}
	slot_set(l->prog, slot, n, merged);
	free(adds);
	l->adds.items[index] = NULL;
	l->adds.count[index] = l->adds.cap[index] = 0;
}

/* Adds sym to a slot, for settle() to merge; returns 1 when it may be new. */
static int slot_add(struct linker *l, int index, int sym)
{
	if (slot_holds(&l->prog->slots[index], sym))
		return 0;
	cover_slots(l);
	SOVA_PUSH(l->adds.items[index], l->adds.count[index], l->adds.cap[index], sym);
	return 1;
}

/* dst |= src over sorted sets, by merging; returns 1 when dst grew. */
static int slot_union(struct linker *l, struct sova_slot *dst, const struct sova_slot *src)
{
	if (!src->nsyms || dst->set == src->set)
		return 0;
	size_t extra = 0;
	for (size_t a = 0, b = 0; b < src->nsyms;) {
		if (a < dst->nsyms && dst->syms[a] < src->syms[b])
			a++;
		else if (a < dst->nsyms && dst->syms[a] == src->syms[b])
			a++, b++;
		else
			extra++, b++;
	}
	if (!extra)
		return 0;
	int *merged = scratch(l, dst->nsyms + extra);
	size_t i = 0, k = 0, n = 0;
	while (i < dst->nsyms || k < src->nsyms) {
		if (k == src->nsyms || (i < dst->nsyms && dst->syms[i] < src->syms[k]))
			merged[n++] = dst->syms[i++];
		else if (i == dst->nsyms || src->syms[k] < dst->syms[i])
			merged[n++] = src->syms[k++];
		else
			merged[n++] = dst->syms[i++], k++;
	}
	slot_set(l->prog, dst, n, merged);
	return 1;
}

/* dst may hold whatever val holds: a function now, and a slot's contents
 * now and whenever they grow. */
static void flow(struct linker *l, int dst, const struct sova_def *def, const struct sova_val *val)
{
	if (dst < 0)
		return;
	if (val->kind == SOVA_VAL_FUNC) {
		int s = intern_sym(l->prog, val->usr, val->name);
		if (slot_add(l, dst, s))
			enqueue(l, dst);
		return;
	}
	int src = linker_slot(l, def, val);
	if (src < 0 || src == dst)
		return;
	cover_slots(l);
	SOVA_PUSH(l->succ.items[src], l->succ.count[src], l->succ.cap[src], dst);
	settle(l, src);
	if (slot_union(l, &l->prog->slots[dst], &l->prog->slots[src]))
		enqueue(l, dst);
}

static void bind_args(struct linker *l, const struct sova_def *def, const struct sova_call *call, const char *usr)
{
	for (size_t i = 0; i < call->nargs; i++) {
		if (call->args[i].kind == SOVA_VAL_UNKNOWN || call->args[i].kind == SOVA_VAL_INT)
			continue;
		struct sova_slot_key key = { SOVA_SLOT_PARAM, usr, (long)i };
		flow(l, intern_slot(l->prog, &key), def, &call->args[i]);
	}
}

static int pointer_stores_slot(struct linker *l, const char *field)
{
	struct sova_slot_key key = { SOVA_SLOT_POINTER_STORES, field, 0 };
	return intern_slot(l->prog, &key);
}

/* A store into a field also lands in the field's slot, which calls through
 * a pointer read; one through a pointer lands in the field's pointer
 * stores as well, which every variable's member of that field may hold. */
static void flow_field_store(struct linker *l, const struct sova_def *def, const struct sova_assign *a)
{
	if (a->target.kind != SOVA_VAL_FIELD || !a->target.usr)
		return;
	if (member_slot(l->prog, a->target.member) >= 0) {
		struct sova_slot_key key = { SOVA_SLOT_FIELD, a->target.usr, 0 };
		flow(l, intern_slot(l->prog, &key), def, &a->value);
	} else {
		flow(l, pointer_stores_slot(l, a->target.usr), def, &a->value);
	}
}

static void flow_assigns(struct linker *l, const struct sova_assign *assigns, size_t n, int def, int tu)
{
	const struct sova_def *d = def >= 0 ? &l->prog->defs[def] : NULL;
	for (size_t i = 0; i < n; i++) {
		struct sova_prog_assign pa = { &assigns[i], def, tu };
		SOVA_PUSH(l->prog->assigns, l->prog->nassigns, l->prog->capassigns, pa);
		flow(l, linker_slot(l, d, &assigns[i].target), d, &assigns[i].value);
		flow_field_store(l, d, &assigns[i]);
	}
}

/* Makes a slot for each variable's member the program stores into, before
 * any flow: a value read from such a member, or a call through it, reads
 * that slot instead of the field's. Each also holds whatever is stored
 * into the field through a pointer, which may point at the variable. */
static void add_member_slots(struct linker *l, const struct sova_assign *assigns, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct sova_val *target = &assigns[i].target;
		if (target->kind != SOVA_VAL_FIELD || !target->member || !target->usr ||
		    member_slot(l->prog, target->member) >= 0)
			continue;
		struct sova_slot_key key = { SOVA_SLOT_MEMBER, target->member, 0 };
		int member = intern_slot(l->prog, &key);
		int stores = pointer_stores_slot(l, target->usr);
		cover_slots(l);
		SOVA_PUSH(l->succ.items[stores], l->succ.count[stores], l->succ.cap[stores], member);
	}
}

static void find_member_slots(struct linker *l)
{
	const struct sova_program *prog = l->prog;
	for (size_t t = 0; t < prog->ntus; t++)
		add_member_slots(l, prog->tus[t].globals, prog->tus[t].nglobals);
	for (size_t d = 0; d < prog->ndefs; d++)
		add_member_slots(l, prog->defs[d].fn->assigns, prog->defs[d].fn->nassigns);
}

/* The member an indirect call reads, when the object it calls through is
 * a variable (ops.run()) or a local pointer whose one value is the
 * address of one (o = &ops; o->run()); else -1. */
int sova_program_callee_member(const struct sova_program *prog, const struct sova_def *def, const struct sova_call *call)
{
	const struct sova_val *callee = &call->callee;
	if (callee->kind != SOVA_VAL_FIELD || callee->element || !callee->usr)
		return -1;
	int slot = member_slot(prog, callee->member);
	if (slot >= 0 || callee->member || call->callee_object.kind != SOVA_VAL_LOCAL)
		return slot;
	const struct sova_val *object = sova_def_resolve_local(def, &call->callee_object);
	if (object == &call->callee_object)
		return -1;
	char *fields = sova_xasprintf("%c%s", SOVA_PATH_MEMBER, callee->usr);
	slot = sova_program_member_slot(prog, object, fields);
	free(fields);
	return slot;
}

static void flow_def(struct linker *l, int index)
{
	const struct sova_def *def = &l->prog->defs[index];
	const struct sova_func *fn = def->fn;
	flow_assigns(l, fn->assigns, fn->nassigns, index, def->tu);
	struct sova_slot_key key = { SOVA_SLOT_RESULT, fn->usr, 0 };
	int ret = intern_slot(l->prog, &key);
	for (size_t i = 0; i < fn->nreturns; i++)
		flow(l, ret, def, &fn->returns[i]);
	for (size_t c = 0; c < fn->ncalls; c++) {
		const struct sova_call *call = &fn->calls[c];
		if (call->callee_usr) {
			intern_sym(l->prog, call->callee_usr, call->callee_name);
			bind_args(l, def, call, call->callee_usr);
			continue;
		}
		int slot = sova_program_callee_member(l->prog, def, call);
		if (slot < 0)
			slot = linker_slot(l, def, &call->callee);
		if (slot < 0)
			continue;
		struct pending_call p = { .def = index, .call = c, .slot = slot };
		SOVA_PUSH(l->pending, l->npending, l->cappending, p);
		cover_slots(l);
		SOVA_PUSH(l->calls_at.items[slot], l->calls_at.count[slot], l->calls_at.cap[slot], (int)l->npending - 1);
	}
}

/* Binds the arguments of a call through a slot to the parameters of the
 * functions the slot holds now and did not hold at the last binding. Both
 * sets are sorted, so the new ones are found in one walk. */
static void bind_pending(struct linker *l, int pending)
{
	struct pending_call *p = &l->pending[pending];
	settle(l, p->slot);
	struct sova_symset *now = l->prog->slots[p->slot].set;
	if (!now || now == p->bound)
		return;
	const struct sova_symset *before = p->bound;
	size_t nfresh = 0, b = 0;
	int *fresh = sova_xcalloc(now->n, sizeof(*fresh));
	for (size_t i = 0; i < now->n; i++) {
		while (before && b < before->n && before->syms[b] < now->syms[i])
			b++;
		if (!before || b == before->n || before->syms[b] != now->syms[i])
			fresh[nfresh++] = now->syms[i];
	}
	sova_symset_release(&l->prog->sets, p->bound);
	p->bound = sova_symset_retain(now);
	int def_index = p->def;
	size_t call_index = p->call;
	/* Binding may add slots and pending calls, moving both arrays. */
	for (size_t k = 0; k < nfresh; k++) {
		const struct sova_def *def = &l->prog->defs[def_index];
		bind_args(l, def, &def->fn->calls[call_index], l->prog->syms[fresh[k]].usr);
	}
	free(fresh);
}

static void solve(struct linker *l)
{
	while (l->nwork) {
		int s = l->work[--l->nwork];
		l->queued[s] = 0;
		settle(l, s);
		for (size_t i = 0; i < l->succ.count[s]; i++) {
			int d = l->succ.items[s][i];
			if (slot_union(l, &l->prog->slots[d], &l->prog->slots[s]))
				enqueue(l, d);
		}
		for (size_t i = 0; i < l->calls_at.count[s]; i++)
			bind_pending(l, l->calls_at.items[s][i]);
	}
}

static const int no_targets[] = { -1 };

static const int *targets_of(struct sova_program *prog, const struct sova_def *def, const struct sova_call *call)
{
	if (call->callee_usr) {
		int sym = sova_strmap_get(&prog->sym_by_usr, call->callee_usr);
		return sym >= 0 ? sova_symset_intern(&prog->sets, &sym, 1)->syms : no_targets;
	}
	int slot = sova_program_callee_member(prog, def, call);
	if (slot < 0)
		slot = sova_program_slot_of(prog, def, &call->callee);
	return slot >= 0 && prog->slots[slot].set ? prog->slots[slot].syms : no_targets;
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

void sova_link(const struct sova_tu_facts *tus, size_t ntus, const struct sova_build_info *build,
	       struct sova_program *prog)
{
	memset(prog, 0, sizeof(*prog));
	prog->tus = tus;
	prog->ntus = ntus;
	sova_strmap_init(&prog->sym_by_usr);
	sova_slotmap_init(&prog->slot_by_key);
	sova_strmap_init(&prog->file_by_path);
	map_files(prog);
	sova_units_find(tus, ntus, build, &prog->units);
	for (size_t t = 0; t < ntus; t++)
		link_functions(prog, (int)t);
	struct linker l = { .prog = prog };
	find_member_slots(&l);
	for (size_t t = 0; t < ntus; t++)
		flow_assigns(&l, tus[t].globals, tus[t].nglobals, -1, (int)t);
	for (size_t d = 0; d < prog->ndefs; d++)
		flow_def(&l, (int)d);
	solve(&l);
	for (size_t i = 0; i < prog->nslots; i++)
		settle(&l, (int)i);
	build_targets(prog);
	for (size_t i = 0; i < l.npending; i++)
		sova_symset_release(&prog->sets, l.pending[i].bound);
	free(l.pending);
	per_slot_free(&l.succ, l.nslots);
	per_slot_free(&l.calls_at, l.nslots);
	per_slot_free(&l.adds, l.nslots);
	free(l.work);
	free(l.queued);
	free(l.scratch);
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
		free(prog->syms[i].annotations);
		free(prog->syms[i].defs);
	}
	free(prog->syms);
	for (size_t d = 0; d < prog->ndefs; d++)
		free(prog->defs[d].targets);
	free(prog->defs);
	free(prog->slots);
	sova_symsets_free(&prog->sets);
	sova_units_free(&prog->units);
	free(prog->def_units);
	free(prog->assigns);
	sova_strmap_free(&prog->sym_by_usr);
	sova_slotmap_free(&prog->slot_by_key);
	sova_strmap_free(&prog->file_by_path);
	memset(prog, 0, sizeof(*prog));
}
