/* thpool.h - declarations of the Pithikos C-Thread-Pool API
 * (https://github.com/Pithikos/C-Thread-Pool, thpool.h), names, types and
 * argument orders as in the library, for sova's test cases. The library is
 * not packaged: projects copy thpool.c and thpool.h into their tree. */
#ifndef _THPOOL_
#define _THPOOL_

#ifdef __cplusplus
extern "C" {
#endif

typedef struct thpool_ *threadpool;

/* Creates a pool of num_threads threads; NULL on error. */
threadpool thpool_init(int num_threads);

/* Queues function_p(arg_p) on the pool; 0 on success, -1 on error. */
int thpool_add_work(threadpool, void (*function_p)(void *), void *arg_p);

/* Waits until every queued and running job of the pool has finished. */
void thpool_wait(threadpool);

/* Pauses every thread of the pool, idle or working, until thpool_resume. */
void thpool_pause(threadpool);

/* Resumes the threads paused by thpool_pause. */
void thpool_resume(threadpool);

/* Waits for the running jobs to finish, then stops the threads and frees the pool. */
void thpool_destroy(threadpool);

/* The number of threads currently running a job. */
int thpool_num_threads_working(threadpool);

#ifdef __cplusplus
}
#endif

#endif
