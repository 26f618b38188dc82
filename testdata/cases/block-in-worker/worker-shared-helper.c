/* flush_log() waits and is called both from main (harmless) and from a pool task.
 * Why: the site is reachable from a worker, so it starves the pool; it is reported once, not per caller. */
#include <stddef.h>
#include "fut.h"

static fut_future *g_log_io;

static void flush_log(void)
{
    fut_wait(g_log_io); // expect: SOVA001
}

static void *rotate_logs(void *arg)
{
    (void)arg;
    flush_log();
    return NULL;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    fut_promise *p = fut_promise_new();
    g_log_io = fut_promise_future(p);
    fut_future *r = fut_submit(pool, rotate_logs, NULL);
    fut_promise_set(p, NULL);
    flush_log();
    fut_free(r);
    return 0;
}
