/* flags.h - stage 1: compile flags judged by what they make libclang do.
 *
 * A compile database may come from the pull request under analysis, so its
 * flags are hostile input: nothing in them may load code into sova, make it
 * write files, change the process's directory or print into its report.
 * Filtering flags one string at a time is fooled by pairs: in
 * `-Xclang -c -load -Xclang evil.so` the driver hands `-load evil.so` to
 * the front end once `-c` is gone. So a command line is read the way
 * clang's driver reads it: response files expanded first, then each option
 * taken whole, with its operand (`-MF x`, `-Xclang X`, `-mllvm X`), and the
 * front-end flags of every -Xclang, -Xpreprocessor and -Wp, read in order
 * as the front end reads them, each with its own operand. Then each option
 * is kept or dropped whole, so dropping one can never pair what is left
 * differently. Front-end flags are kept only when sova knows them to be
 * harmless; options it does not know are kept, since the driver rejects
 * those it does not know either, and parse.c retries without them. */
#ifndef SOVA_FLAGS_H
#define SOVA_FLAGS_H

#include <stddef.h>

enum sova_flag_verdict {
	SOVA_FLAG_KEEP,
	SOVA_FLAG_OMIT, /* a normal compile's outputs (-c, -o x, -MD, -MF x): dropped without a word */
	SOVA_FLAG_DROP, /* dropped with a note saying why */
};

/* One option of a command line: args[first .. first + count - 1]. */
struct sova_flag {
	size_t first, count;
	enum sova_flag_verdict verdict;
	const char *why; /* for SOVA_FLAG_DROP: what the flag would do, e.g. "loads code into the analyzer" */
	size_t group;    /* the first option dropped with it: -Xclang -load -Xclang x.so is two, one note */
};

/* Splits args (the compiler's own name excluded) into options and judges
 * each. directory: where relative operands are (an -include of a device,
 * FIFO or socket is dropped: libclang would read it forever). Returns the
 * options in a new array (*n of them); every argument is in exactly one. */
struct sova_flag *sova_flags_judge(char *const *args, size_t nargs, const char *directory, size_t *n);

/* Limits on response files (@file): how deep they may nest, how large
 * each may be and how many arguments they may give in all. */
#define SOVA_RESPONSE_DEPTH 8
#define SOVA_RESPONSE_MAX_BYTES (4u << 20)
#define SOVA_RESPONSE_MAX_ARGS 100000

/* Expands response files in args, as clang does (GNU quoting, relative to
 * directory), into a new array (*nout strings, each new). A response file
 * that cannot be read, or past a limit, is left out, and *problem (a new
 * string, NULL when all went well) says which and why. */
char **sova_flags_expand(char *const *args, size_t nargs, const char *directory, size_t *nout, char **problem);

/* Splits a shell command line as POSIX sh would, for a compile
 * database's "command" field and for response files. Returns -1 on an
 * unterminated quote. */
int sova_shell_split(const char *command, char ***argv, size_t *argc);

#endif /* SOVA_FLAGS_H */
