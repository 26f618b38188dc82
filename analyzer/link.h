/* link.h - stage 4: joins the per-TU summaries into one whole program.
 *
 * Functions are joined by USR, so a call in a.c reaches its body in b.c.
 * Function pointers are resolved by a flow-insensitive, field-based
 * points-to over "slots" (globals, locals, parameters, struct fields,
 * function results): every function stored anywhere into a slot is a
 * possible target of every call through that slot. */
#ifndef SOVA_LINK_H
#define SOVA_LINK_H

#include <stddef.h>

#include "facts.h"
#include "slotmap.h"
#include "symset.h"
#include "units.h"
#include "util.h"

/* A function as the whole program knows it: a name with zero or more bodies. */
struct sova_sym {
	const char *usr;  /* borrowed from the TU facts, like everything below */
	const char *name;
	const char **annotations; /* borrowed from the facts */
	size_t nannotations, capannotations;
	int *defs; /* indexes into program->defs */
	size_t ndefs, capdefs;
};

/* One analysed body. */
struct sova_def {
	const struct sova_func *fn; /* borrowed from the TU facts */
	int tu;
	int sym;
	const int **targets; /* per call: the syms it may call, -1 terminated (borrowed from program->sets) */
};

/* A storage location that can hold function pointers. */
struct sova_slot {
	struct sova_symset *set; /* NULL while empty */
	const int *syms;         /* set's syms, sorted */
	size_t nsyms;
};

/* An assignment with the function it happens in (-1 at file scope). */
struct sova_prog_assign {
	const struct sova_assign *assign;
	int def;
	int tu;
};

struct sova_program {
	const struct sova_tu_facts *tus; /* borrowed */
	size_t ntus;
	char **files; /* global file table */
	size_t nfiles, capfiles;
	int **file_maps; /* per TU: local file index -> global */
	struct sova_sym *syms;
	size_t nsyms, capsyms;
	struct sova_def *defs;
	size_t ndefs, capdefs;
	struct sova_slot *slots;
	size_t nslots, capslots;
	struct sova_prog_assign *assigns;
	size_t nassigns, capassigns;
	struct sova_strmap sym_by_usr;
	struct sova_slotmap slot_by_key;
	struct sova_strmap file_by_path;
	struct sova_symsets sets; /* every slot's contents and every call's targets */
	struct sova_units units;  /* the programs each TU is part of */
	uint64_t *def_units;      /* per def: units.nwords words, the programs its body is part of */
	size_t capdef_units;
};

/* Links the summaries; the program borrows them, so they must outlive it.
 * build (may be NULL) is what the build system says of its targets. */
void sova_link(const struct sova_tu_facts *tus, size_t ntus, const struct sova_build_info *build,
	       struct sova_program *prog);
void sova_program_free(struct sova_program *prog);

/* A location with its file index mapped from TU-local to the global table. */
struct sova_loc sova_program_loc(const struct sova_program *prog, int tu, struct sova_loc loc);

/* The slot a value names, or -1. Function results are slots "R:usr". */
int sova_program_slot_of(const struct sova_program *prog, const struct sova_def *def, const struct sova_val *val);

/* Returns 1 when sym carries annotate(annotation). */
int sova_sym_annotated(const struct sova_sym *sym, const char *annotation);

#endif /* SOVA_LINK_H */
