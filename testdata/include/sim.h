/* sim.h - what the example services need to run as the story did: a
 * timer thread for the simulated latency of their database, and a
 * closed-loop load driver with a watchdog. Implemented with the fut
 * runtime, in testdata/projects/futrt/sim.c; not part of fut.h. */
#ifndef FUTRT_SIM_H
#define FUTRT_SIM_H

/* Runs fn(arg) on the timer thread once ms milliseconds have passed. */
void sim_after(long ms, void (*fn)(void *arg), void *arg);

struct sim_client;

/* Starts one request for client; whoever answers it calls sim_done. */
typedef void (*sim_send_fn)(struct sim_client *client, void *ctx);
void sim_done(struct sim_client *client);

struct sim_load_result {
	long requests;     /* answered */
	double seconds;    /* the run's length */
	double p50_ms, p95_ms, p99_ms;
	int deadlocked;    /* a request went unanswered for stuck_ms */
};

/* Keeps `concurrency` requests in flight for duration_ms, each client
 * sending its next request when its last is answered. Stops early, with
 * deadlocked set, when a request goes unanswered for stuck_ms. */
void sim_load(int concurrency, long duration_ms, long stuck_ms, sim_send_fn send, void *ctx,
	      struct sim_load_result *out);

/* Prints the result as one JSON object on a line of stdout. */
void sim_print_result(const char *variant, const char *path, int concurrency, const struct sim_load_result *r);

#endif /* FUTRT_SIM_H */
