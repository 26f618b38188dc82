/* fut.h - the reference futures API that sova's bundled model "fut" describes.
 *
 * testdata compiles against this header, and sova's rules/models/fut.json
 * names every function below; testdata/projects/futrt implements it. */
#ifndef FUT_H
#define FUT_H

#include <stddef.h>

typedef struct fut_executor fut_executor;
typedef struct fut_future fut_future;
typedef struct fut_promise fut_promise;
typedef void *(*fut_task_fn)(void *arg);
typedef void *(*fut_cont_fn)(void *value, void *arg);

fut_executor *fut_pool_new(int nthreads);          /* bounded pool */
fut_executor *fut_serial_new(void);                /* one task at a time */
void fut_executor_free(fut_executor *ex);
fut_future *fut_submit(fut_executor *ex, fut_task_fn fn, void *arg);   /* fn runs on ex */
void fut_post(fut_executor *ex, void (*fn)(void *arg), void *arg);     /* fire and forget */
fut_future *fut_then(fut_future *f, fut_executor *ex, fut_cont_fn cont, void *arg); /* cont runs on ex */
fut_promise *fut_promise_new(void);
fut_future *fut_promise_future(fut_promise *p);
void fut_promise_set(fut_promise *p, void *value);
void *fut_get(fut_future *f);                      /* blocks: the .Result */
void fut_wait(fut_future *f);                      /* blocks: the .Wait() */
int fut_wait_for(fut_future *f, long timeout_ms);  /* bounded block */
void fut_wait_all(fut_future **fs, size_t n);      /* blocks until all are ready */
fut_future *fut_when_all(fut_future **fs, size_t n); /* does not block */
int fut_is_ready(const fut_future *f);             /* does not block */
void fut_free(fut_future *f);

/* The waits with the place they are called from, for the run-time check
 * of testdata/projects/futrt (FUT_CHECK=1). Built with FUT_CHECK_SITES, a
 * program's waits become these, so the check names each wait's line. */
void *fut_get_at(fut_future *f, const char *file, int line);
void fut_wait_at(fut_future *f, const char *file, int line);
int fut_wait_for_at(fut_future *f, long timeout_ms, const char *file, int line);
void fut_wait_all_at(fut_future **fs, size_t n, const char *file, int line);

#ifdef FUT_CHECK_SITES
#define fut_get(f) fut_get_at((f), __FILE__, __LINE__)
#define fut_wait(f) fut_wait_at((f), __FILE__, __LINE__)
#define fut_wait_for(f, ms) fut_wait_for_at((f), (ms), __FILE__, __LINE__)
#define fut_wait_all(fs, n) fut_wait_all_at((fs), (n), __FILE__, __LINE__)
#endif

#endif /* FUT_H */
