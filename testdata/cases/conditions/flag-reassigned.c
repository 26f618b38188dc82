/* A flag parameter is assigned before it is tested (sync = sync || force): the caller's
 * constant false no longer decides the branch, so the wait is still reached (SOVA001). */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct job {
    fut_future *done;
    bool force;
};

static void complete(struct job *j, bool sync)
{
    sync = sync || j->force;
    if (sync)
        fut_wait(j->done); // expect: SOVA001
}

static void *on_job(void *arg)
{
    complete(arg, false);
    return NULL;
}

int main(void)
{
    static struct job j;
    j.done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_job, &j));
    return 0;
}
