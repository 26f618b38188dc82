/* output.h - output files that readers never see half-written.
 *
 * Output goes to a temporary file beside the target and is renamed over it
 * only when complete; on failure the temporary is removed. A target that
 * is no regular file (/dev/null, a pipe, a terminal) is written to as it
 * is, never replaced. */
#ifndef SOVA_OUTPUT_H
#define SOVA_OUTPUT_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

struct sova_output {
	FILE *file;
	char *path;     /* the target, or NULL for standard output and special files */
	char *tmp_path; /* the temporary being written */
	/* While the temporary exists, SIGINT, SIGTERM, SIGHUP and SIGQUIT wait:
	 * one arriving then takes effect once it is renamed or removed, so an
	 * interrupted run never leaves one behind. The mask to restore. */
	sigset_t saved_mask;
};

/* Opens path for writing ("-" or NULL: standard output). A symlink is
 * followed: its target is replaced, the link stays. Returns 0 or -1. */
int sova_output_open(struct sova_output *out, const char *path);

/* Finishes the output: renames into place when status is 0, removes the
 * temporary otherwise. Returns 0 when all went well. */
int sova_output_close(struct sova_output *out, int status);

/* Finds one of sova's data folders: <exe>/../share/sova/<installed> when
 * installed, else <source tree>/<in_source> in a build tree. Returns 0, or -1
 * when neither exists. */
int sova_data_dir(const char *installed, const char *in_source, char *buf, size_t len);

#endif /* SOVA_OUTPUT_H */
