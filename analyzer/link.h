/* link.h - stage 4: joins the per-TU summaries into one whole program.
 *
 * Functions are joined by USR, so a call in a.c reaches its body in b.c.
 * Function pointers are resolved by a flow-insensitive points-to over
 * "slots" (globals, locals, parameters, struct fields, function results):
 * every function stored anywhere into a slot is a possible target of every
 * call through that slot. Fields are object-sensitive for variables: a
 * member of a variable the program stores into directly (an initializer,
 * ops.run = f) is a slot of its own, which a call on that variable (or on
 * a local pointer to it) reads, so two tables of one struct type stay
 * apart; a call through any other pointer reads the field's slot, which
 * holds every function stored into that field. Stores through pointers
 * reach every variable's member of the field. workers.c binds a pointer
 * parameter to the variable its caller passes. */
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

/* The slot a value names, or -1. Function results are slots "R:usr"; a
 * field of a variable the program stores into directly is its own slot. */
int sova_program_slot_of(const struct sova_program *prog, const struct sova_def *def, const struct sova_val *val);

/* The slot of member `fields` (SOVA_PATH_MEMBER and a field's USR per
 * member) of the variable a pointer value points at (&ops, &tab[i], an
 * array's name), when the program stores into it directly; else -1. */
int sova_program_member_slot(const struct sova_program *prog, const struct sova_val *pointer, const char *fields);

/* The slot of the variable's member an indirect call reads: on a variable
 * (ops.run()), or on a local pointer whose one value is the address of one
 * (o = &ops; o->run()); -1 when the call reads no such member. */
int sova_program_callee_member(const struct sova_program *prog, const struct sova_def *def,
			       const struct sova_call *call);

/* The one value a local is assigned in def's body, followed through
 * local-to-local copies; val itself when there is none or several. */
const struct sova_val *sova_def_resolve_local(const struct sova_def *def, const struct sova_val *val);

/* Returns 1 when sym carries annotate(annotation). */
int sova_sym_annotated(const struct sova_sym *sym, const char *annotation);

#endif /* SOVA_LINK_H */
