/* A worker reads futures only inside `if (fut_is_ready(f))` (also `&& x`) on the same future variable.
 * Why: a wait on a future proven complete returns immediately: no starvation, no result. */
#include <stdio.h>
#include "fut.h"

struct job {
    fut_future *result;
    fut_future *log;
    int verbose;
    void *out;
};

static void *poll_job(void *arg)
{
    struct job *j = arg;
    fut_future *f = j->result;
    fut_future *lg = j->log;
    if (fut_is_ready(f))
        j->out = fut_get(f);
    if (fut_is_ready(lg) && j->verbose) {
        fut_wait(lg);
        printf("log flushed\n");
    }
    return j->out;
}

int main(void)
{
    static struct job j;
    fut_promise *r = fut_promise_new();
    fut_promise *l = fut_promise_new();
    j.result = fut_promise_future(r);
    j.log = fut_promise_future(l);
    fut_executor *pool = fut_pool_new(2);
    fut_future *p = fut_submit(pool, poll_job, &j);
    fut_free(p);
    return 0;
}
