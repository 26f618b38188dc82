/* units.h - stage 4b: which programs of a compile database each TU is part of.
 *
 * One compile database often builds several programs: a library, its
 * tools, its tests. A call in one program never runs a function that only
 * another program defines, yet linking by name joins them: program A's
 * helper() and program B's helper() become one symbol with two bodies, and
 * a callback table filled in B is read by A's code. The link units say
 * which bodies a chain may pass through together.
 *
 * They are inferred from the facts: each TU that defines an external main
 * roots a program; a program holds its root and, transitively, for every
 * external function or global its TUs use, one TU that defines it (two TUs
 * that define the same symbol are never in one program; of several, the
 * one already in, else the one nearest the root's folder, is taken). TUs
 * no program takes are libraries nobody here links. Of those, one that
 * defines a function another TU also defines (one of two backends, of
 * which each build links one) gets units of its own: each program that has
 * the other body, with this one in its place, or, when none has, the
 * library alone, completed as a program is. The rest are part of every
 * unit. A database with no main is one program (and such units).
 *
 * When the build system describes its targets (buildinfo.h), each
 * executable target with sources here is a program: its own sources (those
 * no library target also compiles), and the libraries it links: those the
 * description names (CMake), or, where it names none (Meson), the
 * definers its code uses, found as above but never in another
 * executable's sources. */
#ifndef SOVA_UNITS_H
#define SOVA_UNITS_H

#include <stddef.h>
#include <stdint.h>

#include "buildinfo.h"
#include "facts.h"
#include "util.h"

/* A set of programs, as bits. */
struct sova_unitset {
	const uint64_t *words; /* nwords of them, owned by the units */
};

struct sova_units {
	const char *origin; /* "inferred", or the build system's name ("meson", "cmake") */
	size_t nprograms; /* units: the programs, then the libraries nobody here links that need one */
	size_t nlinked;   /* of them, the programs; units from nlinked on are rooted at such a library */
	int *roots;     /* per unit: the TU defining its main (of a target's sources, else the first), or the library's */
	char **names;   /* per unit: its target's name (NULL for a library's unit); NULL when inferred */
	int *variant_of; /* per unit: the program a library's unit is a variant of, or -1; NULL when no library has units */
	size_t nwords;  /* words per set: (nprograms + 63) / 64, at least 1 */
	uint64_t *bits; /* per TU: nwords words, the programs it is part of */
	/* per TU: an executable's own code: a source of executable targets that
	 * no library target compiles, or, inferred, a TU that defines main.
	 * Nothing outside the database calls its functions. */
	unsigned char *exe_own;
};

/* Finds the programs of the TUs; build may be NULL. */
void sova_units_find(const struct sova_tu_facts *tus, size_t ntus, const struct sova_build_info *build,
		     struct sova_units *out);
void sova_units_free(struct sova_units *units);

/* Interned sets of programs, for a search that narrows the programs a
 * path may belong to as it enters each TU's code. */
struct sova_unitsets {
	const struct sova_units *units;
	uint64_t *words; /* nsets sets of units->nwords words */
	size_t nsets, capwords;
	struct sova_strmap ids;   /* a set's words, written out -> its id */
	struct sova_pairmap meets; /* (a, b), a < b -> 1 + the id of their intersection, 0 when empty */
};

void sova_unitsets_init(struct sova_unitsets *sets, const struct sova_units *units);
void sova_unitsets_free(struct sova_unitsets *sets);
/* The id of a set of units->nwords words, added when new. */
int sova_unitsets_intern(struct sova_unitsets *sets, const uint64_t *words);
/* The id of the programs both sets hold, or -1 when none. */
int sova_unitsets_meet(struct sova_unitsets *sets, int a, int b);

/* The programs TU tu is part of. */
const uint64_t *sova_units_of(const struct sova_units *units, int tu);

/* Returns 1 when the TU is part of exactly one program: that program's own
 * code, as against a library several share. */
int sova_units_own(const struct sova_units *units, int tu);

#endif /* SOVA_UNITS_H */
