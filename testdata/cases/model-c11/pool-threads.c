/* Batch jobs on a fut pool use C11 threads: a job fans out to a helper thread and joins it, waits on a
 * cnd_t and sleeps between retries. Why: generic blocking on a pool thread is what pools are for; only
 * future-like waits are reported there, so this case has no result. */
#include <stddef.h>
#include <threads.h>
#include <time.h>
#include "fut.h"

struct batch {
    mtx_t lock;
    cnd_t done_cv;
    int done;
    int items;
};

static int half_batch(void *arg)
{
    struct batch *b = arg;
    mtx_lock(&b->lock);
    b->done++;
    cnd_broadcast(&b->done_cv);
    mtx_unlock(&b->lock);
    return 0;
}

static void *run_batch(void *arg)
{
    struct batch *b = arg;
    struct timespec backoff = { .tv_sec = 0, .tv_nsec = 1000000 };
    thrd_t helper;
    int rc = 0;
    if (thrd_create(&helper, half_batch, b) != thrd_success) {
        thrd_sleep(&backoff, NULL);
        return NULL;
    }
    mtx_lock(&b->lock);
    while (b->done == 0)
        cnd_wait(&b->done_cv, &b->lock);
    mtx_unlock(&b->lock);
    thrd_join(helper, &rc);
    return rc == 0 ? b : NULL;
}

int main(void)
{
    static struct batch b = { .items = 100 };
    fut_executor *pool = fut_pool_new(4);
    mtx_init(&b.lock, mtx_plain);
    cnd_init(&b.done_cv);
    fut_future *f = fut_submit(pool, run_batch, &b);
    fut_free(f);
    fut_executor_free(pool);
    return 0;
}
