/* fut.c - a runtime for the reference futures API (testdata/include/fut.h),
 * with the run-time check that confirms sova's findings.
 *
 * Executors are bounded pools and serial executors (a pool of one thread,
 * tasks in order). A future is a value behind a mutex and a condition,
 * with the continuations to run when it completes; fut_submit, fut_then
 * and fut_when_all complete theirs from the work they queue, a promise
 * (which is its future) from whoever calls fut_promise_set. Futures count
 * their owners (the caller, and the work or promise that completes them):
 * fut_free drops the caller's share, and the last owner frees it.
 *
 * FUT_CHECK=1 in the environment turns on the check, in the spirit of
 * libdispatch's trap on dispatch_sync to the current queue and Chromium's
 * ScopedBlockingCall. A blocking wait on a thread of a fut executor logs
 * where it is (the fut_*_at forms that fut.h's macros call under
 * FUT_CHECK_SITES pass the file and line), the executor, and whether the
 * future was already complete, to stderr or to the file FUT_CHECK_LOG
 * names. A wait that cannot end is reported and the process aborts rather
 * than hang: on a serial executor, a wait for work queued on that same
 * executor; on a pool, the wait that leaves every thread of the pool
 * waiting for work queued on the pool itself. */
#define _POSIX_C_SOURCE 200809L

#include "fut.h"
#include "deadline.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- memory ---- */

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		fputs("fut: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* ---- the check ---- */

struct check_state {
	pthread_once_t once;
	int on;
	FILE *log;
	pthread_mutex_t lock;
};

static struct check_state check = { PTHREAD_ONCE_INIT, 0, NULL, PTHREAD_MUTEX_INITIALIZER };

static void check_setup(void)
{
	const char *v = getenv("FUT_CHECK");
	check.on = v && v[0] && strcmp(v, "0") != 0;
	const char *path = getenv("FUT_CHECK_LOG");
	check.log = check.on && path && path[0] ? fopen(path, "a") : NULL;
	if (check.log)
		setvbuf(check.log, NULL, _IOLBF, 0);
}

static int check_on(void)
{
	pthread_once(&check.once, check_setup);
	return check.on;
}

static void check_log(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	pthread_mutex_lock(&check.lock);
	FILE *out = check.log ? check.log : stderr;
	fputs("fut-check: ", out);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
	pthread_mutex_unlock(&check.lock);
	va_end(ap);
}

/* ---- executors ---- */

struct task {
	struct task *next;
	fut_task_fn fn;
	void (*post_fn)(void *arg);
	fut_cont_fn cont;
	void *arg;
	void *value;
	fut_future *out; /* completed with the result, or NULL */
};

struct fut_executor {
	int id;
	int serial;
	int nthreads;
	pthread_t *threads;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct task *head, *tail;
	int stopping;
	int waiting_on_self; /* threads in a wait for work queued here (the check) */
};

static atomic_int next_executor_id = 1;
static _Thread_local fut_executor *current_executor;

static void enqueue(fut_executor *ex, struct task *t)
{
	pthread_mutex_lock(&ex->lock);
	t->next = NULL;
	if (ex->tail)
		ex->tail->next = t;
	else
		ex->head = t;
	ex->tail = t;
	pthread_cond_signal(&ex->wake);
	pthread_mutex_unlock(&ex->lock);
}

static void complete(fut_future *f, void *value);
static void future_release(fut_future *f);

/* Runs one task (a submit's function, a post's, or a continuation), then
 * completes its future, if it has one, and frees it. */
static void run_task(struct task *t)
{
	void *value = NULL;
	if (t->fn)
		value = t->fn(t->arg);
	else if (t->cont)
		value = t->cont(t->value, t->arg);
	else
		t->post_fn(t->arg);
	if (t->out) {
		complete(t->out, value);
		future_release(t->out);
	}
	free(t);
}

static void *worker_main(void *arg)
{
	fut_executor *ex = arg;
	current_executor = ex;
	pthread_mutex_lock(&ex->lock);
	for (;;) {
		while (!ex->head && !ex->stopping)
			pthread_cond_wait(&ex->wake, &ex->lock);
		struct task *t = ex->head;
		if (!t)
			break; /* stopping, and the queue is drained */
		ex->head = t->next;
		if (!ex->head)
			ex->tail = NULL;
		pthread_mutex_unlock(&ex->lock);
		run_task(t);
		pthread_mutex_lock(&ex->lock);
	}
	pthread_mutex_unlock(&ex->lock);
	return NULL;
}

static fut_executor *executor_new(int nthreads, int serial)
{
	fut_executor *ex = xcalloc(1, sizeof(*ex));
	ex->id = atomic_fetch_add(&next_executor_id, 1);
	ex->serial = serial;
	ex->nthreads = nthreads > 0 ? nthreads : 1;
	pthread_mutex_init(&ex->lock, NULL);
	pthread_cond_init(&ex->wake, NULL);
	ex->threads = xcalloc((size_t)ex->nthreads, sizeof(*ex->threads));
	for (int i = 0; i < ex->nthreads; i++)
		if (pthread_create(&ex->threads[i], NULL, worker_main, ex) != 0) {
			fputs("fut: cannot start a thread\n", stderr);
			abort();
		}
	return ex;
}

fut_executor *fut_pool_new(int nthreads)
{
	return executor_new(nthreads, 0);
}

fut_executor *fut_serial_new(void)
{
	return executor_new(1, 1);
}

void fut_executor_free(fut_executor *ex)
{
	if (!ex)
		return;
	if (current_executor == ex) {
		fputs("fut: fut_executor_free called from a thread of that executor\n", stderr);
		abort();
	}
	pthread_mutex_lock(&ex->lock);
	ex->stopping = 1;
	pthread_cond_broadcast(&ex->wake);
	pthread_mutex_unlock(&ex->lock);
	for (int i = 0; i < ex->nthreads; i++)
		pthread_join(ex->threads[i], NULL);
	pthread_cond_destroy(&ex->wake);
	pthread_mutex_destroy(&ex->lock);
	free(ex->threads);
	free(ex);
}

/* ---- futures ---- */

struct cont {
	struct cont *next;
	void (*fire)(struct cont *c, void *value); /* runs or queues it, and frees it */
	fut_executor *ex;
	fut_cont_fn fn;
	void *arg;
	fut_future *out;
	struct all_state *all;
};

struct fut_future {
	pthread_mutex_t lock;
	pthread_cond_t done;
	int ready;
	void *value;
	struct cont *conts;
	atomic_int owners;
	fut_executor *queued_on; /* the executor whose queued work completes it, or NULL */
	/* A promise is its future: the promise's share of the owners stays
	 * until a future has been handed out and the promise is set, so that
	 * fut_promise_future works after fut_promise_set too (http_done). */
	int promise_handed;  /* fut_promise_future was called */
	int promise_holds;   /* the promise still holds its share */
};

static fut_future *future_new(int owners, fut_executor *queued_on)
{
	fut_future *f = xcalloc(1, sizeof(*f));
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->done, NULL);
	atomic_init(&f->owners, owners);
	f->queued_on = queued_on;
	return f;
}

static void future_release(fut_future *f)
{
	if (f && atomic_fetch_sub(&f->owners, 1) == 1) {
		pthread_cond_destroy(&f->done);
		pthread_mutex_destroy(&f->lock);
		free(f);
	}
}

static void complete(fut_future *f, void *value)
{
	pthread_mutex_lock(&f->lock);
	f->ready = 1;
	f->value = value;
	struct cont *c = f->conts;
	f->conts = NULL;
	pthread_cond_broadcast(&f->done);
	pthread_mutex_unlock(&f->lock);
	while (c) {
		struct cont *next = c->next;
		c->fire(c, value);
		c = next;
	}
}

/* Adds a continuation, or fires it at once when the future is complete. */
static void attach(fut_future *f, struct cont *c)
{
	pthread_mutex_lock(&f->lock);
	if (!f->ready) {
		c->next = f->conts;
		f->conts = c;
		pthread_mutex_unlock(&f->lock);
		return;
	}
	void *value = f->value;
	pthread_mutex_unlock(&f->lock);
	c->fire(c, value);
}

fut_future *fut_submit(fut_executor *ex, fut_task_fn fn, void *arg)
{
	struct task *t = xcalloc(1, sizeof(*t));
	t->fn = fn;
	t->arg = arg;
	t->out = future_new(2, ex);
	fut_future *f = t->out;
	enqueue(ex, t);
	return f;
}

void fut_post(fut_executor *ex, void (*fn)(void *arg), void *arg)
{
	struct task *t = xcalloc(1, sizeof(*t));
	t->post_fn = fn;
	t->arg = arg;
	enqueue(ex, t);
}

static void fire_then(struct cont *c, void *value)
{
	struct task *t = xcalloc(1, sizeof(*t));
	t->cont = c->fn;
	t->arg = c->arg;
	t->value = value;
	t->out = c->out;
	enqueue(c->ex, t);
	free(c);
}

fut_future *fut_then(fut_future *f, fut_executor *ex, fut_cont_fn cont, void *arg)
{
	struct cont *c = xcalloc(1, sizeof(*c));
	c->fire = fire_then;
	c->ex = ex;
	c->fn = cont;
	c->arg = arg;
	c->out = future_new(2, ex);
	fut_future *out = c->out;
	attach(f, c);
	return out;
}

fut_promise *fut_promise_new(void)
{
	fut_future *f = future_new(1, NULL);
	f->promise_holds = 1;
	return (fut_promise *)f;
}

fut_future *fut_promise_future(fut_promise *p)
{
	fut_future *f = (fut_future *)p;
	pthread_mutex_lock(&f->lock);
	/* Set before any future was handed out: the promise's share passes
	 * to this first one. */
	int adopt = f->ready && f->promise_holds && !f->promise_handed;
	f->promise_handed = 1;
	if (adopt)
		f->promise_holds = 0;
	pthread_mutex_unlock(&f->lock);
	if (!adopt)
		atomic_fetch_add(&f->owners, 1);
	return f;
}

void fut_promise_set(fut_promise *p, void *value)
{
	fut_future *f = (fut_future *)p;
	complete(f, value);
	pthread_mutex_lock(&f->lock);
	int release = f->promise_handed && f->promise_holds;
	if (release)
		f->promise_holds = 0;
	pthread_mutex_unlock(&f->lock);
	if (release)
		future_release(f);
}

struct all_state {
	atomic_size_t left;
	fut_future *out;
};

static void fire_all(struct cont *c, void *value)
{
	(void)value;
	struct all_state *all = c->all;
	free(c);
	if (atomic_fetch_sub(&all->left, 1) == 1) {
		complete(all->out, NULL);
		future_release(all->out);
		free(all);
	}
}

fut_future *fut_when_all(fut_future **fs, size_t n)
{
	fut_future *out = future_new(2, NULL);
	struct all_state *all = xcalloc(1, sizeof(*all));
	atomic_init(&all->left, n + 1); /* one more, dropped below, so no early end */
	all->out = out;
	for (size_t i = 0; i < n; i++) {
		struct cont *c = xcalloc(1, sizeof(*c));
		c->fire = fire_all;
		c->all = all;
		attach(fs[i], c);
	}
	struct cont *last = xcalloc(1, sizeof(*last));
	last->all = all;
	fire_all(last, NULL);
	return out;
}

int fut_is_ready(const fut_future *f)
{
	fut_future *m = (fut_future *)f; /* the lock, not the value, changes */
	pthread_mutex_lock(&m->lock);
	int ready = m->ready;
	pthread_mutex_unlock(&m->lock);
	return ready;
}

void fut_free(fut_future *f)
{
	future_release(f);
}

/* ---- waits ---- */

/* The check's view of a wait about to block: logs it on an executor's
 * thread, and aborts on a wait that cannot end. Returns whether it counted
 * the thread as waiting on its own executor (undone by wait_done). */
static int wait_begins(fut_future *f, const char *what, const char *file, int line)
{
	fut_executor *ex = current_executor;
	if (!ex || !check_on())
		return 0;
	int ready = fut_is_ready(f);
	const char *where = file ? file : "?";
	check_log("%s at %s:%d blocks a thread of %s executor %d (%d thread%s); the future was %s", what, where,
		  line, ex->serial ? "serial" : "pool", ex->id, ex->nthreads, ex->nthreads == 1 ? "" : "s",
		  ready ? "already complete" : "not complete");
	if (ready || f->queued_on != ex)
		return 0;
	pthread_mutex_lock(&ex->lock);
	int all = ++ex->waiting_on_self >= ex->nthreads;
	pthread_mutex_unlock(&ex->lock);
	if (all) {
		/* A thread whose future completed just as it counted itself is
		 * about to go back to the queue: look again after a while. */
		struct timespec pause = { 0, 200 * 1000000L };
		nanosleep(&pause, NULL);
		pthread_mutex_lock(&ex->lock);
		all = ex->waiting_on_self >= ex->nthreads;
		pthread_mutex_unlock(&ex->lock);
		all = all && !fut_is_ready(f);
	}
	if (all) {
		check_log("deadlock: %s at %s:%d waits for work queued on %s executor %d, and every one of its %d "
			  "thread%s waits for work queued there",
			  what, where, line, ex->serial ? "serial" : "pool", ex->id, ex->nthreads,
			  ex->nthreads == 1 ? "" : "s");
		abort();
	}
	return 1;
}

static void wait_done(int counted)
{
	if (!counted)
		return;
	fut_executor *ex = current_executor;
	pthread_mutex_lock(&ex->lock);
	ex->waiting_on_self--;
	pthread_mutex_unlock(&ex->lock);
}

static void *get(fut_future *f, const char *what, const char *file, int line)
{
	int counted = wait_begins(f, what, file, line);
	pthread_mutex_lock(&f->lock);
	while (!f->ready)
		pthread_cond_wait(&f->done, &f->lock);
	void *value = f->value;
	pthread_mutex_unlock(&f->lock);
	wait_done(counted);
	return value;
}

void *(fut_get)(fut_future *f)
{
	return get(f, "fut_get", NULL, 0);
}

void (fut_wait)(fut_future *f)
{
	get(f, "fut_wait", NULL, 0);
}

void *fut_get_at(fut_future *f, const char *file, int line)
{
	return get(f, "fut_get", file, line);
}

void fut_wait_at(fut_future *f, const char *file, int line)
{
	get(f, "fut_wait", file, line);
}

static int wait_for(fut_future *f, long timeout_ms, const char *file, int line)
{
	int counted = wait_begins(f, "fut_wait_for", file, line);
	struct timespec until = futrt_deadline_ns((long long)timeout_ms * 1000000LL);
	pthread_mutex_lock(&f->lock);
	int rc = 0;
	while (!f->ready && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&f->done, &f->lock, &until);
	int ready = f->ready;
	pthread_mutex_unlock(&f->lock);
	wait_done(counted);
	return ready;
}

int (fut_wait_for)(fut_future *f, long timeout_ms)
{
	return wait_for(f, timeout_ms, NULL, 0);
}

int fut_wait_for_at(fut_future *f, long timeout_ms, const char *file, int line)
{
	return wait_for(f, timeout_ms, file, line);
}

void (fut_wait_all)(fut_future **fs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		get(fs[i], "fut_wait_all", NULL, 0);
}

void fut_wait_all_at(fut_future **fs, size_t n, const char *file, int line)
{
	for (size_t i = 0; i < n; i++)
		get(fs[i], "fut_wait_all", file, line);
}
