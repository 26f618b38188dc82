/* output.c - output files that readers never see half-written, and where
 * sova's own data files are. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* -o /dev/null, a terminal or a pipe: written to as it is. Renaming a
 * temporary over it would replace the device with a file (as root, for
 * every program on the machine). A FIFO with no reader is an error, never
 * a wait; a symlink is followed to what it names. */
static int open_special(struct sova_output *out, const char *path)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* Blocking writes from here on: a full pipe waits for its reader. */
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 || !(out->file = fdopen(fd, "w"))) {
		close(fd);
		return -1;
	}
	return 0;
}

/* The signals that would end the run between creating the temporary and
 * renaming it. */
static void block_ending_signals(sigset_t *saved)
{
	sigset_t ending;
	sigemptyset(&ending);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGQUIT);
	pthread_sigmask(SIG_BLOCK, &ending, saved);
}

int sova_output_open(struct sova_output *out, const char *path)
{
	memset(out, 0, sizeof(*out));
	if (!path || strcmp(path, "-") == 0) {
		out->file = stdout;
		return 0;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			return -1;
		return open_special(out, path);
	}
	char target[PATH_MAX];
	int link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (link && !realpath(path, target))
		return -1; /* a link to nothing: what to create is not clear */
	out->path = sova_xstrdup(link ? target : path);
	out->tmp_path = sova_xasprintf("%s.tmp.XXXXXX", out->path);
	block_ending_signals(&out->saved_mask);
	int fd = mkstemp(out->tmp_path);
	if (fd < 0 || !(out->file = fdopen(fd, "w"))) {
		if (fd >= 0) {
			close(fd);
			unlink(out->tmp_path);
		}
		pthread_sigmask(SIG_SETMASK, &out->saved_mask, NULL);
		free(out->path);
		free(out->tmp_path);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	fchmod(fd, 0644);
	sova_set_pending_output(out->tmp_path);
	return 0;
}

int sova_output_close(struct sova_output *out, int status)
{
	if (!out->file)
		return -1;
	if (!out->path) {
		int rc = (out->file == stdout ? fflush(stdout) : fclose(out->file)) != 0 ? -1 : status;
		memset(out, 0, sizeof(*out));
		return rc;
	}
	int rc = fclose(out->file) != 0 ? -1 : status;
	if (rc == 0 && rename(out->tmp_path, out->path) != 0)
		rc = -1;
	if (rc != 0)
		unlink(out->tmp_path);
	sova_set_pending_output(NULL);
	free(out->path);
	free(out->tmp_path);
	sigset_t saved = out->saved_mask;
	memset(out, 0, sizeof(*out));
	pthread_sigmask(SIG_SETMASK, &saved, NULL); /* a signal that waited takes effect here */
	return rc;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int sova_data_dir(const char *installed, const char *in_source, char *buf, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, len, "%s/../share/sova/%s", exe, installed);
			if (is_dir(buf))
				return 0;
		}
	}
#ifdef SOVA_SOURCE_DIR
	snprintf(buf, len, "%s/%s", SOVA_SOURCE_DIR, in_source);
	if (is_dir(buf))
		return 0;
#endif
	(void)in_source;
	return -1;
}
