/* The flag comes from the request, not from a constant: sova cannot tell which branch runs,
 * and the wait stays reported (SOVA001), as does the one after a loop that breaks on it. */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct job {
    fut_future *done;
    bool sync;
    int n;
};

static void complete(struct job *j, bool sync)
{
    if (sync)
        fut_wait(j->done); // expect: SOVA001
}

static void drain(struct job *j, int n)
{
    for (int i = 0; i < 4; i++) {
        if (!n)
            break;
        fut_wait(j->done); // expect: SOVA001
    }
}

static void *on_job(void *arg)
{
    struct job *j = arg;
    complete(j, j->sync);
    drain(j, j->n);
    drain(j, 0);
    return NULL;
}

int main(void)
{
    static struct job j;
    j.done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_job, &j));
    return 0;
}
