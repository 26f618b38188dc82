/* test_fut.c - unit tests of the fut runtime (fut.c) and its run-time check.
 *
 * Usage: futrt-tests              runs every test
 *        futrt-tests --child NAME runs one check scenario (the tests of the
 *                                 check run it in a child with FUT_CHECK=1)
 * Exit status 0 when every test passed. Built with -fsanitize=thread by
 * scripts/test, which also runs it. */
#define _POSIX_C_SOURCE 200809L

#include "fut.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define EXPECT(cond)                                                                  \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                                   \
		}                                                                     \
	} while (0)

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static void *twice(void *arg)
{
	return (void *)((intptr_t)arg * 2);
}

static void test_submit_get(void)
{
	fut_executor *pool = fut_pool_new(4);
	fut_future *fs[64];
	for (intptr_t i = 0; i < 64; i++)
		fs[i] = fut_submit(pool, twice, (void *)i);
	for (intptr_t i = 0; i < 64; i++) {
		EXPECT((intptr_t)fut_get(fs[i]) == 2 * i);
		EXPECT(fut_is_ready(fs[i]));
		fut_free(fs[i]);
	}
	fut_executor_free(pool);
}

struct order {
	int seen[100];
	int n; /* only the serial executor's one thread writes it */
};

struct order_step {
	struct order *order;
	int index;
};

static void record(void *arg)
{
	struct order_step *step = arg;
	step->order->seen[step->order->n++] = step->index;
}

static void *count_of(void *arg)
{
	return (void *)(intptr_t)((struct order *)arg)->n;
}

static void test_serial_order(void)
{
	fut_executor *serial = fut_serial_new();
	struct order order = { { 0 }, 0 };
	struct order_step steps[100];
	for (int i = 0; i < 100; i++) {
		steps[i] = (struct order_step){ &order, i };
		fut_post(serial, record, &steps[i]);
	}
	fut_future *done = fut_submit(serial, count_of, &order);
	EXPECT((intptr_t)fut_get(done) == 100);
	for (int i = 0; i < 100; i++)
		EXPECT(order.seen[i] == i);
	fut_free(done);
	fut_executor_free(serial);
}

static void *add_one(void *value, void *arg)
{
	(void)arg;
	return (void *)((intptr_t)value + 1);
}

static void test_then(void)
{
	fut_executor *pool = fut_pool_new(2);
	fut_future *first = fut_submit(pool, twice, (void *)20);
	fut_future *second = fut_then(first, pool, add_one, NULL);
	EXPECT((intptr_t)fut_get(second) == 41);
	/* Attached after its future completed: runs at once. */
	fut_future *third = fut_then(second, pool, add_one, NULL);
	EXPECT((intptr_t)fut_get(third) == 42);
	fut_free(first);
	fut_free(second);
	fut_free(third);
	fut_executor_free(pool);
}

static void *set_later(void *arg)
{
	sleep_ms(20);
	fut_promise_set(arg, (void *)7);
	return NULL;
}

static void test_promise(void)
{
	fut_executor *pool = fut_pool_new(1);
	fut_promise *p = fut_promise_new();
	fut_future *f = fut_promise_future(p);
	EXPECT(!fut_is_ready(f));
	fut_future *setter = fut_submit(pool, set_later, p);
	EXPECT((intptr_t)fut_get(f) == 7);
	fut_wait(setter);
	fut_free(setter);
	fut_free(f);
	fut_executor_free(pool);
}

static void *slow_twice(void *arg)
{
	sleep_ms(5);
	return twice(arg);
}

static void test_when_all_and_wait_all(void)
{
	fut_executor *pool = fut_pool_new(3);
	fut_future *fs[8];
	for (intptr_t i = 0; i < 8; i++)
		fs[i] = fut_submit(pool, slow_twice, (void *)i);
	fut_future *all = fut_when_all(fs, 8);
	fut_wait(all);
	for (int i = 0; i < 8; i++)
		EXPECT(fut_is_ready(fs[i]));
	fut_wait_all(fs, 8);
	for (int i = 0; i < 8; i++)
		fut_free(fs[i]);
	fut_free(all);
	fut_future *none = fut_when_all(NULL, 0);
	EXPECT(fut_is_ready(none));
	fut_free(none);
	fut_executor_free(pool);
}

static void test_promise_set_first(void)
{
	/* A promise set before its future is asked for (the fixed service's
	 * http_done): the future is still there, complete. */
	fut_promise *p = fut_promise_new();
	fut_promise_set(p, (void *)9);
	fut_future *f = fut_promise_future(p);
	EXPECT(fut_is_ready(f));
	EXPECT((intptr_t)fut_get(f) == 9);
	fut_free(f);
}

static void test_wait_for(void)
{
	fut_promise *p = fut_promise_new();
	fut_future *f = fut_promise_future(p);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT(fut_wait_for(f, 50) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long waited = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	EXPECT(waited >= 45);
	fut_promise_set(p, NULL);
	EXPECT(fut_wait_for(f, 1000) == 1);
	fut_free(f);
}

static atomic_int drained;

static void count_drained(void *arg)
{
	(void)arg;
	sleep_ms(1);
	atomic_fetch_add(&drained, 1);
}

static void test_free_drains(void)
{
	fut_executor *pool = fut_pool_new(2);
	for (int i = 0; i < 20; i++)
		fut_post(pool, count_drained, NULL);
	fut_executor_free(pool);
	EXPECT(atomic_load(&drained) == 20);
}

/* ---- the check, in children ---- */

struct self_wait {
	fut_executor *ex;
};

static void *inner(void *arg)
{
	(void)arg;
	return (void *)1;
}

static void *wait_on_own_executor(void *arg)
{
	struct self_wait *w = arg;
	sleep_ms(10); /* let every thread of a pool come here */
	return fut_get_at(fut_submit(w->ex, inner, NULL), "self.c", 42);
}

static void *wait_on_complete(void *arg)
{
	fut_future *done = arg;
	return fut_get_at(done, "ready.c", 7);
}

static int child(const char *name)
{
	alarm(10); /* a check that misses the deadlock fails the test, never hangs it */
	if (strcmp(name, "serial-self-wait") == 0 || strcmp(name, "pool-self-wait") == 0) {
		int pool = name[0] == 'p';
		struct self_wait w = { pool ? fut_pool_new(2) : fut_serial_new() };
		fut_future *a = fut_submit(w.ex, wait_on_own_executor, &w);
		fut_future *b = pool ? fut_submit(w.ex, wait_on_own_executor, &w) : NULL;
		fut_get(a); /* never returns: the check aborts */
		fut_get(b);
		return 0;
	}
	if (strcmp(name, "logged-wait") == 0) {
		fut_executor *pool = fut_pool_new(1);
		fut_promise *p = fut_promise_new();
		fut_future *done = fut_promise_future(p);
		fut_promise_set(p, NULL);
		fut_future *f = fut_submit(pool, wait_on_complete, done);
		fut_get_at(f, "main.c", 3); /* not on an executor: not logged */
		fut_free(f);
		fut_free(done);
		fut_executor_free(pool);
		return 0;
	}
	return 2;
}

/* Runs a check scenario in a child, FUT_CHECK=check, its log into a file;
 * returns the child's wait status and the log's text in log. */
static int run_child(const char *self, const char *name, const char *check, char *log, size_t loglen)
{
	char path[] = "/tmp/futrt-check-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	pid_t pid = fork();
	if (pid == 0) {
		setenv("FUT_CHECK", check, 1);
		setenv("FUT_CHECK_LOG", path, 1);
		execl(self, self, "--child", name, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	waitpid(pid, &status, 0);
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(log, 1, loglen - 1, f) : 0;
	log[n] = '\0';
	if (f)
		fclose(f);
	unlink(path);
	return status;
}

static void test_check(const char *self)
{
	char log[4096];
	int status = run_child(self, "serial-self-wait", "1", log, sizeof log);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	EXPECT(strstr(log, "fut_get at self.c:42 blocks a thread of serial executor") != NULL);
	EXPECT(strstr(log, "deadlock: fut_get at self.c:42 waits for work queued on serial executor") != NULL);

	status = run_child(self, "pool-self-wait", "1", log, sizeof log);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	EXPECT(strstr(log, "deadlock: fut_get at self.c:42 waits for work queued on pool executor") != NULL);
	EXPECT(strstr(log, "every one of its 2 threads") != NULL);

	status = run_child(self, "logged-wait", "1", log, sizeof log);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT(strstr(log, "fut_get at ready.c:7 blocks a thread of pool executor") != NULL);
	EXPECT(strstr(log, "the future was already complete") != NULL);
	EXPECT(strstr(log, "main.c:3") == NULL);

	status = run_child(self, "logged-wait", "0", log, sizeof log);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EXPECT(log[0] == '\0');
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--child") == 0)
		return child(argv[2]);
	test_submit_get();
	test_serial_order();
	test_then();
	test_promise();
	test_promise_set_first();
	test_when_all_and_wait_all();
	test_wait_for();
	test_free_drains();
	test_check(argv[0]);
	if (failures) {
		fprintf(stderr, "futrt-tests: %d failed\n", failures);
		return 1;
	}
	puts("futrt-tests: all passed");
	return 0;
}
