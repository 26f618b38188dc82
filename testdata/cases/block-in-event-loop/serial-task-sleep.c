/* A task on a serial executor sleeps, and a helper it calls joins a thread. Why: the serial executor runs
 * one task at a time, so every task queued behind it waits out the sleep (SOVA005); the same calls in a
 * task on a pool block one thread of many, which is what a pool is for (no result). */
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

static pthread_t g_flusher;

static void wait_for_flusher(void)
{
    pthread_join(g_flusher, NULL); // expect: SOVA005
}

static void rotate_logs(void *arg)
{
    (void)arg;
    sleep(1); // expect: SOVA005
    wait_for_flusher();
}

static void compress_chunk(void *arg)
{
    (void)arg;
    usleep(500);
}

int main(void)
{
    fut_executor *log_queue = fut_serial_new();
    fut_executor *pool = fut_pool_new(4);
    fut_post(log_queue, rotate_logs, NULL);
    fut_post(pool, compress_chunk, NULL);
    return 0;
}
