/* alloc.c - the x-allocators, and what happens when memory runs out.
 *
 * Every allocation sova makes goes through these (cJSON's too, by its
 * hooks, set in main). On failure the process ends at once: a message,
 * the half-written output removed, and _exit(SOVA_EXIT_FAILED). exit()
 * would run libclang's static destructors while another thread may still
 * be parsing.
 *
 * Built with SOVA_FAULT_INJECTION (the sova-faults test binary only), the
 * allocation numbered SOVA_FAULT_ALLOC in the environment fails, so that a
 * test can make each allocation of a small run fail in turn
 * (scripts/check-faults); SOVA_FAULT_ALLOC=count prints the number of
 * allocations at exit instead. */
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The temporary output file, set and cleared by output.c. One at a time. */
static _Atomic(const char *) pending_output;

void sova_set_pending_output(const char *path)
{
	pending_output = path;
}

void sova_oom(void)
{
	static const char message[] = "sova: out of memory\n";
	const char *pending = pending_output;
	if (pending)
		unlink(pending);
	/* write(2), not stdio: nothing here may allocate. Nothing to do if it fails. */
	ssize_t written = write(STDERR_FILENO, message, sizeof(message) - 1);
	(void)written;
	_exit(SOVA_EXIT_FAILED);
}

#ifdef SOVA_FAULT_INJECTION
static _Atomic unsigned long allocations;

static void print_count(void)
{
	fprintf(stderr, "sova-faults: %lu allocations\n", (unsigned long)allocations);
}

/* Whether this allocation is the one to fail. */
static int injected_failure(void)
{
	static unsigned long fail_at;
	static int env_read; /* the first allocation is made before any thread starts */
	if (!env_read) {
		const char *v = getenv("SOVA_FAULT_ALLOC");
		if (v && strcmp(v, "count") == 0)
			atexit(print_count);
		else if (v)
			fail_at = strtoul(v, NULL, 10);
		env_read = 1;
	}
	return ++allocations == fail_at;
}
#else
static int injected_failure(void)
{
	return 0;
}
#endif

void *sova_xmalloc(size_t size)
{
	void *p = injected_failure() ? NULL : malloc(size ? size : 1);
	if (!p)
		sova_oom();
	return p;
}

void *sova_xcalloc(size_t count, size_t size)
{
	void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
	if (!p)
		sova_oom();
	return p;
}

void *sova_xrealloc(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		sova_oom();
	size_t bytes = count * size;
	void *p = injected_failure() ? NULL : realloc(ptr, bytes ? bytes : 1);
	if (!p)
		sova_oom();
	return p;
}
