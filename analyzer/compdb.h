/* compdb.h - stage 1: the list of translation units to analyse and their flags.
 *
 * Built from a compile_commands.json (-p DIR, as clang-tidy does) or from
 * files on the command line with the flags after "--". Each command line is
 * judged by flags.h; what it drops gets one notification per distinct flag
 * (notes), and the rest is made absolute, so that no parse needs the
 * compile's directory. */
#ifndef SOVA_COMPDB_H
#define SOVA_COMPDB_H

#include <stddef.h>

#include "flags.h"
#include "util.h"

struct sova_tu_cmd {
	char *file;      /* absolute path of the main source file */
	char *directory; /* absolute working directory of the compile */
	char **args;     /* compiler flags for libclang, without argv[0] and the file */
	size_t nargs, capargs;
};

/* A flag dropped from some entries, for its note. */
struct sova_dropped_flag {
	char *origin; /* the compile database, or "command line" */
	char *text;   /* the flags, as one string */
	const char *why;
	char *first_file;
	char *last_file; /* counted last: files are counted, not flags */
	size_t count;
};

struct sova_compdb {
	char *path; /* the compile_commands.json read; NULL for files from the command line */
	struct sova_tu_cmd *tus;
	size_t ntus, captus;
	char **notes; /* notifications about dropped flags, as full messages */
	size_t nnotes, capnotes;
	/* While loading: the TUs' files, so that a file compiled twice is
	 * analysed once; and folders already made absolute. A database lists
	 * the same few folders for thousands of files, and resolving each path
	 * from the root again was most of the load. */
	struct sova_strmap tu_files;
	struct sova_strmap folder_index;
	char **folders; /* realpath() of each, NULL when it failed */
	struct sova_strmap *listings; /* of each folder once a file in it is looked up: name -> d_type */
	struct sova_strmap known_dirs; /* "directory" values: 1 when one exists */
	size_t nfolders, capfolders;
	/* While loading: flags dropped (flags.h), one note per distinct one. */
	struct sova_strmap dropped_index;
	struct sova_dropped_flag *dropped;
	size_t ndropped, capdropped;
	size_t nassembly;        /* assembly entries skipped: sova analyses C */
	char *first_assembly;    /* the first of them, for the note */
};

void sova_compdb_init(struct sova_compdb *db);
void sova_compdb_free(struct sova_compdb *db);
/* Frees one command's strings (for callers that drop TUs from a database). */
void sova_tu_cmd_free(struct sova_tu_cmd *tu);

/* What identifies the TUs selected: every command (directory, file and
 * flags) in order. Shards extracted from one database carry the same id,
 * so that 'sova link' can tell a missing shard from another database. */
uint64_t sova_compdb_id(const struct sova_compdb *db);

/* Loads PATH/compile_commands.json (or PATH itself when it is a file). On
 * error returns -1 with "file:line:col: what is wrong" in err. */
int sova_compdb_load(struct sova_compdb *db, const char *path, char *err, size_t errlen);

/* Finds the compile database when none is named, as clangd users keep it:
 * compile_commands.json in start, in its build, out or cmake-build-* folder
 * (the first by name), then the same in each folder above, up to the top
 * of the repository (util.h). Returns a new path, or NULL with where it
 * looked in *looked (a new string). One owned by another user than sova's
 * or root is not used: NULL, and *note says so. */
char *sova_compdb_find(const char *start, char **looked, char **note);

/* Adds flags before and after every TU's own (clang-tidy's
 * --extra-arg-before and --extra-arg; `sova -p build -- -DFOO` adds after),
 * judged as the database's are. */
void sova_compdb_add_flags(struct sova_compdb *db, char *const *before, size_t nbefore, char *const *after,
			   size_t nafter);

/* Adds one TU per file, with no flags yet (sova_compdb_add_flags). On error
 * (a missing or unreadable file, a directory) returns -1 with the reason
 * in err. */
int sova_compdb_add_files(struct sova_compdb *db, char *const *files, size_t nfiles, char *err, size_t errlen);

/* Adds file, which the database does not list, as a TU with the flags of
 * the nearest entry, as clangd does: the one whose folder shares the most
 * of file's folder, then the longest start of its name, then the first
 * listed. Returns that entry's index, or -1 when there is none (no TU). */
long sova_compdb_interpolate(struct sova_compdb *db, const char *file);


#endif /* SOVA_COMPDB_H */
