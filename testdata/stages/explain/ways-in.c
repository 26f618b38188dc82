/* --explain on one wait reached one way and pruned on the others: a constant
 * argument that makes the caller's branch dead, a path that ends the process,
 * a retry that runs only when memory ran out. The second marked line is a call
 * that is no blocking site (it only runs while the process dies). */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "fut.h"

static fut_future *g_reply;

static void wait_reply(void)
{
    fut_wait(g_reply); // explain
}

static void maybe_wait(int sync)
{
    if (sync)
        wait_reply();
}

static void *worker(void *arg)
{
    pthread_mutex_t *mtx = arg;
    maybe_wait(0);
    if (!arg) {
        wait_reply();
        abort();
    }
    while (pthread_mutex_init(mtx, NULL) != 0 && pthread_mutex_init(mtx, NULL) != 0)
        wait_reply();
    maybe_wait(1);
    return NULL;
}

static void *reaper(void *arg)
{
    (void)arg;
    fut_wait(g_reply); // explain
    exit(0);
}

int main(void)
{
    static pthread_mutex_t mtx;
    g_reply = fut_promise_future(fut_promise_new());
    fut_executor *pool = fut_pool_new(2);
    fut_free(fut_submit(pool, worker, &mtx));
    fut_free(fut_submit(pool, reaper, NULL));
    return 0;
}
