/* sim.c - the example services' timer thread and load driver (sim.h).
 *
 * The timer keeps its entries sorted by deadline and sleeps on a
 * condition until the first is due. The load driver runs one pthread per
 * client, outside every fut executor: each sends a request, waits for its
 * answer (sim_done) on its own condition, records the latency, and sends
 * the next, until the run's end; a request unanswered for stuck_ms marks
 * the run deadlocked and ends it. */
#define _POSIX_C_SOURCE 200809L

#include "sim.h"
#include "deadline.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		fputs("sim: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* ---- the timer ---- */

struct timer_entry {
	struct timer_entry *next;
	double due_ms;
	void (*fn)(void *arg);
	void *arg;
};

static struct {
	pthread_once_t once;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct timer_entry *head;
} timer = { PTHREAD_ONCE_INIT, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL };

static void *timer_main(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&timer.lock);
	for (;;) {
		if (!timer.head) {
			pthread_cond_wait(&timer.changed, &timer.lock);
			continue;
		}
		double wait = timer.head->due_ms - now_ms();
		if (wait > 0) {
			struct timespec until = futrt_deadline_ns((long long)(wait * 1e6));
			pthread_cond_timedwait(&timer.changed, &timer.lock, &until);
			continue;
		}
		struct timer_entry *e = timer.head;
		timer.head = e->next;
		pthread_mutex_unlock(&timer.lock);
		e->fn(e->arg);
		free(e);
		pthread_mutex_lock(&timer.lock);
	}
	return NULL;
}

static void timer_start(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, timer_main, NULL) != 0) {
		fputs("sim: cannot start the timer thread\n", stderr);
		abort();
	}
	pthread_detach(t);
}

void sim_after(long ms, void (*fn)(void *arg), void *arg)
{
	pthread_once(&timer.once, timer_start);
	struct timer_entry *e = xcalloc(1, sizeof(*e));
	e->due_ms = now_ms() + (double)ms;
	e->fn = fn;
	e->arg = arg;
	pthread_mutex_lock(&timer.lock);
	struct timer_entry **at = &timer.head;
	while (*at && (*at)->due_ms <= e->due_ms)
		at = &(*at)->next;
	e->next = *at;
	*at = e;
	pthread_cond_signal(&timer.changed);
	pthread_mutex_unlock(&timer.lock);
}

/* ---- the load driver ---- */

struct sim_client {
	pthread_mutex_t lock;
	pthread_cond_t answered;
	int done;
	double *latencies;
	size_t n, cap;
	struct run *run;
};

struct run {
	double end_ms;
	long stuck_ms;
	sim_send_fn send;
	void *ctx;
	atomic_int deadlocked;
};

void sim_done(struct sim_client *c)
{
	pthread_mutex_lock(&c->lock);
	c->done = 1;
	pthread_cond_signal(&c->answered);
	pthread_mutex_unlock(&c->lock);
}

/* Waits for the answer; 0 when stuck_ms passed without one. */
static int await_answer(struct sim_client *c, long stuck_ms)
{
	struct timespec until = futrt_deadline_ns((long long)stuck_ms * 1000000LL);
	pthread_mutex_lock(&c->lock);
	int rc = 0;
	while (!c->done && rc == 0)
		rc = pthread_cond_timedwait(&c->answered, &c->lock, &until);
	int done = c->done;
	c->done = 0;
	pthread_mutex_unlock(&c->lock);
	return done;
}

static void *client_main(void *arg)
{
	struct sim_client *c = arg;
	struct run *run = c->run;
	while (now_ms() < run->end_ms && !atomic_load(&run->deadlocked)) {
		double t0 = now_ms();
		run->send(c, run->ctx);
		if (!await_answer(c, run->stuck_ms)) {
			atomic_store(&run->deadlocked, 1);
			break;
		}
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 256;
			c->latencies = realloc(c->latencies, c->cap * sizeof(*c->latencies));
			if (!c->latencies) {
				fputs("sim: out of memory\n", stderr);
				abort();
			}
		}
		c->latencies[c->n++] = now_ms() - t0;
	}
	return NULL;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double percentile(const double *sorted, size_t n, double p)
{
	if (!n)
		return 0;
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);
	return sorted[i < n ? i : n - 1];
}

void sim_load(int concurrency, long duration_ms, long stuck_ms, sim_send_fn send, void *ctx,
	      struct sim_load_result *out)
{
	struct run run = { now_ms() + (double)duration_ms, stuck_ms, send, ctx, 0 };
	struct sim_client *clients = xcalloc((size_t)concurrency, sizeof(*clients));
	pthread_t *threads = xcalloc((size_t)concurrency, sizeof(*threads));
	double t0 = now_ms();
	for (int i = 0; i < concurrency; i++) {
		pthread_mutex_init(&clients[i].lock, NULL);
		pthread_cond_init(&clients[i].answered, NULL);
		clients[i].run = &run;
		pthread_create(&threads[i], NULL, client_main, &clients[i]);
	}
	for (int i = 0; i < concurrency; i++)
		pthread_join(threads[i], NULL);
	memset(out, 0, sizeof(*out));
	out->seconds = (now_ms() - t0) / 1e3;
	out->deadlocked = atomic_load(&run.deadlocked);
	size_t total = 0;
	for (int i = 0; i < concurrency; i++)
		total += clients[i].n;
	double *all = xcalloc(total, sizeof(*all));
	size_t k = 0;
	for (int i = 0; i < concurrency; i++) {
		memcpy(all + k, clients[i].latencies, clients[i].n * sizeof(*all));
		k += clients[i].n;
		free(clients[i].latencies);
	}
	qsort(all, total, sizeof(*all), by_value);
	out->requests = (long)total;
	out->p50_ms = percentile(all, total, 0.50);
	out->p95_ms = percentile(all, total, 0.95);
	out->p99_ms = percentile(all, total, 0.99);
	free(all);
	/* A deadlocked run leaves requests, and the client structs they point
	 * at, in the pool's hands: the clients are not freed. */
	if (!out->deadlocked) {
		for (int i = 0; i < concurrency; i++) {
			pthread_cond_destroy(&clients[i].answered);
			pthread_mutex_destroy(&clients[i].lock);
		}
		free(clients);
	}
	free(threads);
}

void sim_print_result(const char *variant, const char *path, int concurrency, const struct sim_load_result *r)
{
	printf("{\"variant\": \"%s\", \"path\": \"%s\", \"concurrency\": %d, \"requests\": %ld, "
	       "\"seconds\": %.3f, \"throughput_rps\": %.1f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, "
	       "\"p99_ms\": %.2f, \"deadlocked\": %s}\n",
	       variant, path, concurrency, r->requests, r->seconds, r->seconds > 0 ? (double)r->requests / r->seconds : 0,
	       r->p50_ms, r->p95_ms, r->p99_ms, r->deadlocked ? "true" : "false");
	fflush(stdout);
}
