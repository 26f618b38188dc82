/* units.c - stage 4b: link units, from the build system's targets or inferred from main definitions and the symbols each TU uses. */
#include "units.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "util.h"

int sova_unitsets_intern(struct sova_unitsets *sets, const uint64_t *words)
{
	size_t nw = sets->units->nwords;
	char *key = sova_xmalloc(nw * 17 + 1);
	for (size_t k = 0; k < nw; k++)
		snprintf(key + k * 17, 18, "%016llx,", (unsigned long long)words[k]);
	int id = sova_strmap_get(&sets->ids, key);
	if (id < 0) {
		id = (int)sets->nsets;
		if ((sets->nsets + 1) * nw > sets->capwords) {
			sets->capwords = (sets->nsets + 1) * nw * 2;
			sets->words = sova_xrealloc(sets->words, sets->capwords, sizeof(*sets->words));
		}
		memcpy(sets->words + sets->nsets * nw, words, nw * sizeof(*words));
		sets->nsets++;
		sova_strmap_put(&sets->ids, key, id);
	}
	free(key);
	return id;
}

/* An external symbol's USR: "c:@F@name", "c:@name". A static one names its
 * file ("c:file.c@F@name") and is never shared between TUs. */
static int external_usr(const char *usr)
{
	return usr && strncmp(usr, "c:@", 3) == 0;
}

struct tu_list {
	int *items;
	size_t n, cap;
};

/* The TUs defining each external symbol, and the symbols each TU uses. */
struct unit_index {
	struct sova_strmap ids;     /* usr -> symbol index */
	struct tu_list *definers;   /* per symbol */
	size_t nsyms, capsyms;
	struct tu_list *uses;       /* per TU: symbol indexes, each once */
	int *stamp;                 /* per symbol: the last TU that noted a use, for dedup */
	size_t capstamp;
	struct tu_list *twice;      /* per TU: the functions it defines that another TU defines too */
};

static int symbol_id(struct unit_index *ix, const char *usr)
{
	int id = sova_strmap_get(&ix->ids, usr);
	if (id >= 0)
		return id;
	struct tu_list none = { NULL, 0, 0 };
	SOVA_PUSH(ix->definers, ix->nsyms, ix->capsyms, none);
	id = (int)ix->nsyms - 1;
	sova_strmap_put(&ix->ids, usr, id);
	return id;
}

static void add_definer(struct unit_index *ix, const char *usr, int tu)
{
	if (!external_usr(usr))
		return;
	int id = symbol_id(ix, usr); /* first: it may move the array */
	struct tu_list *d = &ix->definers[id];
	if (!d->n || d->items[d->n - 1] != tu)
		SOVA_PUSH(d->items, d->n, d->cap, tu);
}

static void index_definers(struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus)
{
	for (size_t t = 0; t < ntus; t++) {
		for (size_t i = 0; i < tus[t].nfuncs; i++)
			if (tus[t].funcs[i].external)
				add_definer(ix, tus[t].funcs[i].usr, (int)t);
		for (size_t i = 0; i < tus[t].nglobals; i++)
			if (tus[t].globals[i].target.kind == SOVA_VAL_GLOBAL && !tus[t].globals[i].target.path)
				add_definer(ix, tus[t].globals[i].target.usr, (int)t);
	}
}

static void note_use(struct unit_index *ix, int tu, const char *usr)
{
	if (!external_usr(usr))
		return;
	int id = sova_strmap_get(&ix->ids, usr);
	if (id < 0 || ix->stamp[id] == tu)
		return;
	ix->stamp[id] = tu;
	SOVA_PUSH(ix->uses[tu].items, ix->uses[tu].n, ix->uses[tu].cap, id);
}

static void note_value(struct unit_index *ix, int tu, const struct sova_val *v)
{
	if (v->kind == SOVA_VAL_FUNC || v->kind == SOVA_VAL_GLOBAL)
		note_use(ix, tu, v->usr);
}

static void note_assigns(struct unit_index *ix, int tu, const struct sova_assign *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		note_value(ix, tu, &a[i].target);
		note_value(ix, tu, &a[i].value);
	}
}

static void index_uses(struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus)
{
	ix->uses = sova_xcalloc(ntus + 1, sizeof(*ix->uses));
	ix->stamp = sova_xmalloc((ix->nsyms + 1) * sizeof(int));
	for (size_t s = 0; s < ix->nsyms; s++)
		ix->stamp[s] = -1;
	for (size_t t = 0; t < ntus; t++) {
		note_assigns(ix, (int)t, tus[t].globals, tus[t].nglobals);
		for (size_t i = 0; i < tus[t].nfuncs; i++) {
			const struct sova_func *fn = &tus[t].funcs[i];
			note_assigns(ix, (int)t, fn->assigns, fn->nassigns);
			for (size_t r = 0; r < fn->nreturns; r++)
				note_value(ix, (int)t, &fn->returns[r]);
			for (size_t c = 0; c < fn->ncalls; c++) {
				const struct sova_call *call = &fn->calls[c];
				if (call->callee_usr)
					note_use(ix, (int)t, call->callee_usr);
				else
					note_value(ix, (int)t, &call->callee);
				for (size_t a = 0; a < call->nargs; a++)
					note_value(ix, (int)t, &call->args[a]);
			}
		}
	}
}

static void index_free(struct unit_index *ix, size_t ntus)
{
	for (size_t s = 0; s < ix->nsyms; s++)
		free(ix->definers[s].items);
	free(ix->definers);
	for (size_t t = 0; ix->uses && t < ntus; t++)
		free(ix->uses[t].items);
	free(ix->uses);
	for (size_t t = 0; ix->twice && t < ntus; t++)
		free(ix->twice[t].items);
	free(ix->twice);
	free(ix->stamp);
	sova_strmap_free(&ix->ids);
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a && b && a[n] && a[n] == b[n])
		n++;
	return n;
}

/* Whether TU t defines a function some TU of the unit already defines:
 * two bodies of one symbol are never linked together. */
static int clashes(const struct unit_index *ix, int t, const unsigned char *claimed)
{
	for (size_t i = 0; i < ix->twice[t].n; i++)
		if (claimed[ix->twice[t].items[i]])
			return 1;
	return 0;
}

static void claim(const struct unit_index *ix, int t, unsigned char *claimed)
{
	for (size_t i = 0; i < ix->twice[t].n; i++)
		claimed[ix->twice[t].items[i]] = 1;
}

/* Of the TUs defining a symbol the program uses: none when one is in
 * already; else the one nearest the root's file, never another program's
 * own code (another root, or another executable's sources), nor one that
 * defines again what the program has. */
static int pick_definer(const struct unit_index *ix, const struct tu_list *d, const unsigned char *in,
			const unsigned char *excluded, const unsigned char *claimed, const struct sova_tu_facts *tus,
			int root)
{
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < d->n; i++) {
		int t = d->items[i];
		if (in[t])
			return -1;
		if (excluded[t] || clashes(ix, t, claimed))
			continue;
		size_t len = common_prefix(tus[t].main_file, tus[root].main_file);
		if (best < 0 || len > best_len) {
			best = t;
			best_len = len;
		}
	}
	return best;
}

/* Completes a program from the TUs already in it (in[t] = 1): a definer of
 * every external symbol they use, transitively. */
static void gather_program(const struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus,
			   const unsigned char *excluded, int root, unsigned char *in, int *queue)
{
	unsigned char *claimed = sova_xcalloc(ix->nsyms + 1, 1);
	size_t head = 0, tail = 0;
	for (size_t t = 0; t < ntus; t++)
		if (in[t]) {
			queue[tail++] = (int)t;
			claim(ix, (int)t, claimed);
		}
	while (head < tail) {
		const struct tu_list *uses = &ix->uses[queue[head++]];
		for (size_t u = 0; u < uses->n; u++) {
			int t = pick_definer(ix, &ix->definers[uses->items[u]], in, excluded, claimed, tus, root);
			if (t >= 0) {
				in[t] = 1;
				claim(ix, t, claimed);
				queue[tail++] = t;
			}
		}
	}
	free(claimed);
}

/* A function the TU defines in its own file: an inline definition in a
 * header, which every includer has, is the same body everywhere. */
static int defined_in_main_file(const struct sova_tu_facts *tu, const struct sova_func *fn)
{
	if (!fn->external || !external_usr(fn->usr) || fn->loc.file < 0 || (size_t)fn->loc.file >= tu->nfiles)
		return 0;
	return tu->main_file && strcmp(tu->files[fn->loc.file], tu->main_file) == 0;
}

/* Per TU, the functions it defines in its own file that another TU also
 * defines in its own. */
static void index_twice(struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus)
{
	ix->twice = sova_xcalloc(ntus + 1, sizeof(*ix->twice));
	int *bodies = sova_xcalloc(ix->nsyms + 1, sizeof(int));
	for (int pass = 0; pass < 2; pass++)
		for (size_t t = 0; t < ntus; t++)
			for (size_t i = 0; i < tus[t].nfuncs; i++) {
				if (!defined_in_main_file(&tus[t], &tus[t].funcs[i]))
					continue;
				int id = sova_strmap_get(&ix->ids, tus[t].funcs[i].usr);
				if (id < 0)
					continue;
				if (pass == 0)
					bodies[id]++;
				else if (bodies[id] > 1)
					SOVA_PUSH(ix->twice[t].items, ix->twice[t].n, ix->twice[t].cap, id);
			}
	free(bodies);
}

static void index_build(struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus)
{
	memset(ix, 0, sizeof(*ix));
	sova_strmap_init(&ix->ids);
	index_definers(ix, tus, ntus);
	index_uses(ix, tus, ntus);
	index_twice(ix, tus, ntus);
}

static void add_program(struct sova_units *out, size_t p, const unsigned char *in, size_t ntus)
{
	for (size_t t = 0; t < ntus; t++)
		if (in[t])
			out->bits[t * out->nwords + p / 64] |= 1ULL << (p % 64);
}

/* ---- programs the build system names ---- */

/* What the build description says of the TUs. */
struct tu_targets {
	struct tu_list *of_target; /* per target: the TUs it compiles */
	unsigned char *own;        /* per TU: an executable's own code (no library compiles it) */
};

static void match_targets(const struct sova_build_info *build, const struct sova_strmap *tu_of, size_t ntus,
			  struct tu_targets *m)
{
	m->of_target = sova_xcalloc(build->ntargets + 1, sizeof(*m->of_target));
	unsigned char *library = sova_xcalloc(ntus + 1, 1), *executable = sova_xcalloc(ntus + 1, 1);
	for (size_t x = 0; x < build->ntargets; x++) {
		const struct sova_target *target = &build->targets[x];
		for (size_t s = 0; s < target->nsources; s++) {
			int t = sova_strmap_get(tu_of, target->sources[s]);
			if (t < 0)
				continue;
			SOVA_PUSH(m->of_target[x].items, m->of_target[x].n, m->of_target[x].cap, t);
			if (target->kind == SOVA_TARGET_LIBRARY)
				library[t] = 1;
			else
				executable[t] = 1;
		}
	}
	m->own = sova_xcalloc(ntus + 1, 1);
	for (size_t t = 0; t < ntus; t++)
		m->own[t] = executable[t] && !library[t];
	free(library);
	free(executable);
}

static void free_targets(struct tu_targets *m, size_t ntargets)
{
	for (size_t x = 0; x < ntargets; x++)
		free(m->of_target[x].items);
	free(m->of_target);
	free(m->own);
}

/* in[t] for every TU of the libraries a target links, transitively; an
 * explicit stack, as a planted description may chain any number of them. */
static void add_linked(const struct sova_build_info *build, const struct tu_targets *m, int target,
		       unsigned char *seen, unsigned char *in)
{
	int *stack = sova_xmalloc((build->ntargets + 1) * sizeof(int));
	size_t depth = 0;
	stack[depth++] = target;
	seen[target] = 1;
	while (depth) {
		int x = stack[--depth];
		const struct sova_target *t = &build->targets[x];
		if (t->kind == SOVA_TARGET_LIBRARY)
			for (size_t i = 0; i < m->of_target[x].n; i++)
				in[m->of_target[x].items[i]] = 1;
		for (size_t l = 0; l < t->nlinks; l++)
			if (!seen[t->links[l]]) {
				seen[t->links[l]] = 1;
				stack[depth++] = t->links[l];
			}
	}
	free(stack);
}

/* An executable target's own TUs: in[t] = 1; returns how many. */
static size_t seed_program(const struct tu_targets *m, int exe, size_t ntus, unsigned char *in)
{
	memset(in, 0, ntus);
	size_t n = 0;
	for (size_t i = 0; i < m->of_target[exe].n; i++) {
		int t = m->of_target[exe].items[i];
		if (m->own[t] && !in[t]) {
			in[t] = 1;
			n++;
		}
	}
	return n;
}

static int defines_main(const struct sova_tu_facts *tu)
{
	for (size_t i = 0; i < tu->nfuncs; i++)
		if (tu->funcs[i].external && strcmp(tu->funcs[i].usr, "c:@F@main") == 0)
			return 1;
	return 0;
}

/* A program's root: of its own TUs, the first that defines main, else the first. */
static int program_root(const struct sova_tu_facts *tus, size_t ntus, const unsigned char *in)
{
	int first = -1;
	for (size_t t = 0; t < ntus; t++) {
		if (!in[t])
			continue;
		if (defines_main(&tus[t]))
			return (int)t;
		if (first < 0)
			first = (int)t;
	}
	return first;
}

/* The executable targets with code here, in the description's order. */
static size_t find_programs(const struct sova_build_info *build, const struct tu_targets *m, size_t ntus,
			    unsigned char *in, int *exe_of_program)
{
	size_t n = 0;
	for (size_t x = 0; x < build->ntargets; x++)
		if (build->targets[x].kind == SOVA_TARGET_EXECUTABLE && seed_program(m, (int)x, ntus, in))
			exe_of_program[n++] = (int)x;
	return n;
}

static void build_programs(const struct unit_index *ix, const struct sova_build_info *build,
			   const struct tu_targets *m, const struct sova_tu_facts *tus, size_t ntus,
			   const int *exe_of_program, struct sova_units *out)
{
	unsigned char *in = sova_xcalloc(ntus + 1, 1), *seen = sova_xcalloc(build->ntargets + 1, 1);
	int *queue = sova_xmalloc((ntus + 1) * sizeof(int));
	for (size_t p = 0; p < out->nprograms; p++) {
		int exe = exe_of_program[p];
		seed_program(m, exe, ntus, in);
		out->roots[p] = program_root(tus, ntus, in);
		out->names[p] = sova_xstrdup(build->targets[exe].name);
		if (build->links_known) {
			memset(seen, 0, build->ntargets);
			add_linked(build, m, exe, seen, in);
		} else {
			gather_program(ix, tus, ntus, m->own, out->roots[p], in, queue);
		}
		add_program(out, p, in, ntus);
	}
	free(in);
	free(seen);
	free(queue);
}

/* Returns 0 when the description names no program with code here. */
static int units_from_build(const struct unit_index *ix, const struct sova_build_info *build,
			    const struct sova_tu_facts *tus, size_t ntus, struct sova_units *out, unsigned char *excluded)
{
	struct sova_strmap tu_of;
	sova_strmap_init(&tu_of);
	for (size_t t = 0; t < ntus; t++)
		sova_strmap_put(&tu_of, tus[t].main_file, (int)t);
	struct tu_targets m;
	match_targets(build, &tu_of, ntus, &m);
	int *exe_of_program = sova_xcalloc(build->ntargets + 1, sizeof(int));
	unsigned char *in = sova_xcalloc(ntus + 1, 1);
	size_t n = find_programs(build, &m, ntus, in, exe_of_program);
	free(in);
	if (n) {
		out->origin = build->origin;
		out->nprograms = n;
		out->nwords = (n + 63) / 64;
		out->roots = sova_xcalloc(n + 1, sizeof(int));
		out->names = sova_xcalloc(n + 1, sizeof(*out->names));
		out->bits = sova_xcalloc(ntus * out->nwords + 1, sizeof(uint64_t));
		build_programs(ix, build, &m, tus, ntus, exe_of_program, out);
		memcpy(excluded, m.own, ntus);
	}
	free(exe_of_program);
	free_targets(&m, build->ntargets);
	sova_strmap_free(&tu_of);
	return n > 0;
}

/* ---- programs inferred from main ---- */

static void find_roots(const struct sova_tu_facts *tus, size_t ntus, struct sova_units *out, unsigned char *is_root)
{
	for (size_t t = 0; t < ntus; t++)
		is_root[t] = (unsigned char)defines_main(&tus[t]);
	for (size_t t = 0; t < ntus; t++)
		if (is_root[t])
			out->nprograms++;
	out->roots = sova_xcalloc(out->nprograms + 1, sizeof(int));
	size_t p = 0;
	for (size_t t = 0; t < ntus; t++)
		if (is_root[t])
			out->roots[p++] = (int)t;
}

static void infer_units(const struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus,
			struct sova_units *out, unsigned char *is_root)
{
	find_roots(tus, ntus, out, is_root);
	out->origin = "inferred";
	out->nwords = out->nprograms ? (out->nprograms + 63) / 64 : 1;
	out->bits = sova_xcalloc(ntus * out->nwords + 1, sizeof(uint64_t));
	if (out->nprograms) {
		unsigned char *in = sova_xcalloc(ntus + 1, 1);
		int *queue = sova_xmalloc((ntus + 1) * sizeof(int));
		for (size_t p = 0; p < out->nprograms; p++) {
			memset(in, 0, ntus);
			in[out->roots[p]] = 1;
			gather_program(ix, tus, ntus, is_root, out->roots[p], in, queue);
			add_program(out, p, in, ntus);
		}
		free(in);
		free(queue);
	}
}

/* ---- libraries nobody here links ---- */

static int in_any_unit(const struct sova_units *out, size_t t)
{
	for (size_t k = 0; k < out->nwords; k++)
		if (out->bits[t * out->nwords + k])
			return 1;
	return 0;
}

/* The units so far, widened to n units: the bit sets copied, the new
 * units' roots -1 and names NULL. */
static void widen_units(struct sova_units *out, size_t ntus, size_t n)
{
	size_t nwords = (n + 63) / 64;
	uint64_t *bits = sova_xcalloc(ntus * nwords + 1, sizeof(uint64_t));
	for (size_t t = 0; t < ntus; t++)
		memcpy(&bits[t * nwords], &out->bits[t * out->nwords], out->nwords * sizeof(uint64_t));
	free(out->bits);
	out->bits = bits;
	out->nwords = nwords;
	out->roots = sova_xrealloc(out->roots, n + 1, sizeof(int));
	if (out->names)
		out->names = sova_xrealloc(out->names, n + 1, sizeof(*out->names));
	for (size_t p = out->nprograms; p < n; p++) {
		out->roots[p] = -1;
		if (out->names)
			out->names[p] = NULL;
	}
	out->nprograms = n;
}

/* At most this many variants of the programs, per library and in all: a
 * planted database may make any number of clashing definitions. Programs
 * beyond the first 32 with a twin are not varied (possible misses); a
 * library found after the 256th variant is part of every unit, as a TU
 * that no program takes and that clashes with none. */
#define MAX_VARIANTS_PER_LIBRARY 32
#define MAX_VARIANTS 256

struct variants {
	unsigned char *in; /* per unit: ntus bytes, its TUs */
	int *roots, *of;   /* per unit: the library, and the program it is a variant of or -1 */
	size_t n, cap;
	size_t ntus;
};

static unsigned char *new_variant(struct variants *v, int library, int of)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->in = sova_xrealloc(v->in, v->cap * v->ntus + 1, 1);
		v->roots = sova_xrealloc(v->roots, v->cap, sizeof(int));
		v->of = sova_xrealloc(v->of, v->cap, sizeof(int));
	}
	unsigned char *in = &v->in[v->n * v->ntus];
	memset(in, 0, v->ntus);
	v->roots[v->n] = library;
	v->of[v->n++] = of;
	return in;
}

static int in_unit(const struct sova_units *out, size_t t, size_t p)
{
	return (out->bits[t * out->nwords + p / 64] >> (p % 64)) & 1;
}

/* The units of library L, a TU no program takes that defines a function
 * another TU defines too: for each program that has another body of one of
 * them, the program with L in place of the TUs that clash with it (a build
 * that links L there: glib's one fuzzing driver with each fuzzer, dconf's
 * engine with either D-Bus backend); with no such program, L alone. Each
 * completed as a program is. */
static void library_variants(const struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus,
			     const unsigned char *excluded, const unsigned char *mains, const struct sova_units *out,
			     int library, struct variants *v, int *queue)
{
	if (v->n >= MAX_VARIANTS)
		return;
	unsigned char *clashing = sova_xcalloc(ntus + 1, 1), *claimed = sova_xcalloc(ix->nsyms + 1, 1);
	struct tu_list twins = { NULL, 0, 0 }; /* the TUs with another body of what the library defines */
	claim(ix, library, claimed);
	for (size_t t = 0; t < ntus; t++)
		if (t != (size_t)library && ix->twice[t].n && clashes(ix, (int)t, claimed)) {
			clashing[t] = 1;
			SOVA_PUSH(twins.items, twins.n, twins.cap, (int)t);
		}
	/* A TU with its own main that no target names is a program of its
	 * own, never a variant of another's, gathered as an inferred one is:
	 * it may link what the description gives to one executable alone. */
	int own_main = mains[library];
	size_t made = 0, vary = own_main ? 0 : out->nprograms;
	/* The programs that hold a twin: the union of the twins' sets, one
	 * pass over them whatever the number of programs. */
	uint64_t *with_twin = sova_xcalloc(out->nwords + 1, sizeof(uint64_t));
	for (size_t i = 0; i < twins.n; i++)
		for (size_t k = 0; k < out->nwords; k++)
			with_twin[k] |= out->bits[(size_t)twins.items[i] * out->nwords + k];
	for (size_t p = 0; p < vary && made < MAX_VARIANTS_PER_LIBRARY && v->n < MAX_VARIANTS; p++) {
		if (!((with_twin[p / 64] >> (p % 64)) & 1))
			continue;
		unsigned char *in = new_variant(v, library, (int)p);
		for (size_t t = 0; t < ntus; t++)
			in[t] = (unsigned char)(in_unit(out, t, p) && !clashing[t]);
		in[library] = 1;
		gather_program(ix, tus, ntus, excluded, out->roots[p] >= 0 ? out->roots[p] : library, in, queue);
		made++;
	}
	if (!made && v->n < MAX_VARIANTS) {
		unsigned char *in = new_variant(v, library, -1);
		in[library] = 1;
		gather_program(ix, tus, ntus, own_main ? mains : excluded, library, in, queue);
	}
	free(with_twin);
	free(twins.items);
	free(clashing);
	free(claimed);
}

/* A TU no program takes is a library nobody here links: a plugin, a test
 * helper, or one of two backends that define the same functions, of which
 * each build links one (dconf's gdbus-thread.c and gdbus-filter.c). One
 * that defines a function another TU also defines gets units of its own
 * (library_variants), so that a chain through it never passes into the
 * other body. Every other such TU is part of every unit: nothing it
 * defines can be linked twice. */
static void add_library_units(const struct unit_index *ix, const struct sova_tu_facts *tus, size_t ntus,
			      const unsigned char *excluded, struct sova_units *out)
{
	unsigned char *taken = sova_xcalloc(ntus + 1, 1);
	for (size_t t = 0; t < ntus; t++)
		taken[t] = (unsigned char)in_any_unit(out, t);
	struct variants v = { .ntus = ntus };
	int *queue = sova_xmalloc((ntus + 1) * sizeof(int));
	unsigned char *mains = sova_xcalloc(ntus + 1, 1);
	for (size_t t = 0; t < ntus; t++)
		mains[t] = (unsigned char)defines_main(&tus[t]);
	for (size_t t = 0; t < ntus; t++)
		if (!taken[t] && ix->twice[t].n)
			library_variants(ix, tus, ntus, excluded, mains, out, (int)t, &v, queue);
	free(mains);
	for (size_t k = 0; k < v.n; k++)
		for (size_t t = 0; t < ntus; t++)
			taken[t] |= v.in[k * ntus + t];
	size_t first = out->nprograms;
	if (v.n) {
		widen_units(out, ntus, first + v.n);
		out->variant_of = sova_xcalloc(out->nprograms + 1, sizeof(int));
		for (size_t p = 0; p < out->nprograms; p++)
			out->variant_of[p] = p < first ? -1 : v.of[p - first];
		for (size_t k = 0; k < v.n; k++) {
			out->roots[first + k] = v.roots[k];
			add_program(out, first + k, &v.in[k * ntus], ntus);
		}
	}
	/* The rest of what no program takes: part of every unit. */
	size_t all = out->nprograms ? out->nprograms : 1;
	for (size_t t = 0; t < ntus; t++)
		for (size_t p = 0; !taken[t] && p < all; p++)
			out->bits[t * out->nwords + p / 64] |= 1ULL << (p % 64);
	free(v.in);
	free(v.roots);
	free(v.of);
	free(queue);
	free(taken);
}

void sova_units_find(const struct sova_tu_facts *tus, size_t ntus, const struct sova_build_info *build,
		     struct sova_units *out)
{
	memset(out, 0, sizeof(*out));
	struct unit_index ix;
	index_build(&ix, tus, ntus);
	/* Each program's own code: never part of a library's unit. */
	unsigned char *excluded = sova_xcalloc(ntus + 1, 1);
	if (!build || !build->ntargets || !units_from_build(&ix, build, tus, ntus, out, excluded))
		infer_units(&ix, tus, ntus, out, excluded);
	out->nlinked = out->nprograms;
	add_library_units(&ix, tus, ntus, excluded, out);
	out->exe_own = excluded;
	index_free(&ix, ntus);
}

void sova_units_free(struct sova_units *units)
{
	for (size_t p = 0; units->names && p < units->nprograms; p++)
		free(units->names[p]);
	free(units->names);
	free(units->roots);
	free(units->variant_of);
	free(units->bits);
	free(units->exe_own);
	memset(units, 0, sizeof(*units));
}

void sova_unitsets_init(struct sova_unitsets *sets, const struct sova_units *units)
{
	memset(sets, 0, sizeof(*sets));
	sets->units = units;
	sova_strmap_init(&sets->ids);
	sova_pairmap_init(&sets->meets);
}

void sova_unitsets_free(struct sova_unitsets *sets)
{
	free(sets->words);
	sova_strmap_free(&sets->ids);
	sova_pairmap_free(&sets->meets);
	memset(sets, 0, sizeof(*sets));
}

int sova_unitsets_meet(struct sova_unitsets *sets, int a, int b)
{
	if (a == b)
		return a;
	uint64_t lo = (uint64_t)(a < b ? a : b), hi = (uint64_t)(a < b ? b : a);
	int known = sova_pairmap_get(&sets->meets, lo, hi);
	if (known >= 0)
		return known - 1;
	size_t nw = sets->units->nwords;
	uint64_t *w = sova_xmalloc(nw * sizeof(*w));
	int any = 0;
	for (size_t k = 0; k < nw; k++) {
		w[k] = sets->words[(size_t)a * nw + k] & sets->words[(size_t)b * nw + k];
		any |= w[k] != 0;
	}
	int id = any ? sova_unitsets_intern(sets, w) : -1;
	free(w);
	sova_pairmap_put(&sets->meets, lo, hi, id + 1);
	return id;
}

const uint64_t *sova_units_of(const struct sova_units *units, int tu)
{
	return &units->bits[(size_t)tu * units->nwords];
}

int sova_units_own(const struct sova_units *units, int tu)
{
	const uint64_t *w = sova_units_of(units, tu);
	int bits = 0;
	for (size_t k = 0; k < units->nwords; k++)
		bits += __builtin_popcountll(w[k]);
	return bits == 1 && units->nlinked > 0;
}
