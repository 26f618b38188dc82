/* run_cb() calls the function pointer it receives; a maintenance task passes drain_queue to it.
 * Why: cb resolves to drain_queue in the worker, so its wait starves the pool (SOVA001). */
#include <stddef.h>
#include "fut.h"

static fut_future *g_drained;

static void run_cb(void (*cb)(void))
{
    cb();
}

static void drain_queue(void)
{
    fut_wait(g_drained); // expect: SOVA001
}

static void *maintenance(void *arg)
{
    (void)arg;
    run_cb(drain_queue);
    return NULL;
}

int main(void)
{
    fut_promise *p = fut_promise_new();
    g_drained = fut_promise_future(p);
    fut_executor *pool = fut_pool_new(2);
    fut_future *m = fut_submit(pool, maintenance, NULL);
    fut_free(m);
    return 0;
}
