/* A static inline helper in a header is instantiated in two TUs and called from a worker in each.
 * Why: the wait starves the pool (SOVA001), and a header site is reported exactly once, not once per TU. */
#include <stddef.h>
#include "await.h"

static void *render_task(void *arg)
{
    fut_future *src = arg;
    return await_result(src);
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *p = fut_promise_new();
    fut_future *src = fut_promise_future(p);
    fut_future *r = fut_submit(pool, render_task, src);
    start_scan(pool, src);
    fut_free(r);
    return 0;
}
