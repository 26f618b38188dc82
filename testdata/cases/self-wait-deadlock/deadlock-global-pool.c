/* A task on the global bounded pool submits a sub-task to the same pool and waits for it.
 * Why: when every pool thread does this, no thread is left to run the sub-tasks: deadlock under load (SOVA004). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_pool;

static void *resize(void *arg)
{
    return arg;
}

static void *process_upload(void *arg)
{
    void *small = fut_get(fut_submit(g_pool, resize, arg)); // expect: SOVA004
    return small;
}

int main(void)
{
    g_pool = fut_pool_new(4);
    for (int i = 0; i < 100; i++) {
        fut_future *f = fut_submit(g_pool, process_upload, NULL);
        fut_free(f);
    }
    return 0;
}
