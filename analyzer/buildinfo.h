/* buildinfo.h - stage 1b: the programs and libraries the build system says it builds.
 *
 * A compile database lists compiles, not links: which TUs make up which
 * executable is lost. Two build systems keep it beside the database:
 * Meson in meson-info/intro-targets.json (written by every `meson setup`),
 * and CMake in the File API's codemodel reply under .cmake/api/v1/reply/
 * (written when a query asks for it before configuring; IDEs ask). When
 * one is there, the link units (units.h) follow its targets instead of
 * guessing them from main() and the symbols each TU uses.
 *
 * Both are files sova finds, not inputs the user named: one that cannot be
 * read or makes no sense is set aside with a note naming it, and the units
 * are inferred as without it. */
#ifndef SOVA_BUILDINFO_H
#define SOVA_BUILDINFO_H

#include <stddef.h>
#include <stdint.h>

enum sova_target_kind {
	SOVA_TARGET_EXECUTABLE,
	SOVA_TARGET_LIBRARY, /* static, shared, module or object library */
};

struct sova_target {
	char *name;
	enum sova_target_kind kind;
	char **sources; /* the files it compiles: absolute, resolved as the compile database's are */
	size_t nsources, capsources;
	int *links;     /* the targets it links, directly, by index; only when links_known */
	size_t nlinks, caplinks;
};

struct sova_build_info {
	const char *origin; /* "meson", "cmake", or NULL when the build system says nothing */
	char *file;         /* the file it was read from */
	int links_known;    /* CMake names each target's libraries; Meson's file does not */
	struct sova_target *targets;
	size_t ntargets, captargets;
};

/* Reads what the build system left in dir (the compile database's folder).
 * Always fills out: empty when nothing is there. Returns 0, or -1 with a
 * note in note ("FILE: what is wrong; link units are inferred") when a
 * description is there but unusable; out is then empty too. */
int sova_build_info_load(struct sova_build_info *out, const char *dir, char *note, size_t notelen);
void sova_build_info_free(struct sova_build_info *info);

/* A hash of everything the link units take from it, for the whole-run cache
 * key: a changed description is a changed run. */
uint64_t sova_build_info_hash(const struct sova_build_info *info);

#endif /* SOVA_BUILDINFO_H */
