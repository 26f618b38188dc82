/* The README usage: main adds jobs, pauses/resumes, polls thpool_num_threads_working, waits and destroys;
 * jobs sleep and wait on a pthread condition.
 * Why: thpool_wait/thpool_destroy from main are no async waits, and generic blocking in a job is not
 * reported (thpool has no single-threaded context). */
#define _DEFAULT_SOURCE /* usleep */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include "thpool.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int started;

static void task(void *arg)
{
    pthread_mutex_lock(&lock);
    while (!started)
        pthread_cond_wait(&go, &lock);
    pthread_mutex_unlock(&lock);
    usleep(1000);
    printf("Thread #%lu working on %d\n", (unsigned long)pthread_self(), (int)(long)arg);
}

int main(void)
{
    puts("Making threadpool with 4 threads");
    threadpool thpool = thpool_init(4);
    thpool_pause(thpool);
    puts("Adding 40 tasks to threadpool");
    for (int i = 0; i < 40; i++)
        thpool_add_work(thpool, task, (void *)(long)i);
    thpool_resume(thpool);
    pthread_mutex_lock(&lock);
    started = 1;
    pthread_cond_broadcast(&go);
    pthread_mutex_unlock(&lock);
    while (thpool_num_threads_working(thpool) > 0)
        usleep(100);
    thpool_wait(thpool);
    puts("Killing threadpool");
    thpool_destroy(thpool);
    return 0;
}
