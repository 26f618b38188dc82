/* worker-direct-get.c built for fut's run-time check: with FUT_CHECK_SITES, fut.h turns
 * every wait into its fut_*_at form, which passes the wait's file and line. Why: the
 * fut model names the _at forms as the same waits, so the findings are the same, at the
 * same lines, as without the check: both waits in the task hold a pool thread (SOVA001),
 * and main waits on the work it just submitted (SOVA002). */
#define FUT_CHECK_SITES
#include <stdio.h>
#include "fut.h"

struct thumb_job {
    const char *path;
    fut_future *decoded; /* produced by an earlier stage */
    fut_executor *pool;
};

static void *scale(void *arg)
{
    return arg;
}

static void *make_thumbnail(void *arg)
{
    struct thumb_job *job = arg;
    void *pixels = fut_get(job->decoded); // expect: SOVA001
    fut_wait(fut_submit(job->pool, scale, pixels)); // expect: SOVA001
    printf("thumbnail for %s\n", job->path);
    return pixels;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *p = fut_promise_new();
    struct thumb_job job = { "cat.png", NULL, pool };
    job.decoded = fut_promise_future(p);
    fut_future *done = fut_submit(pool, make_thumbnail, &job);
    fut_promise_set(p, NULL);
    fut_wait_for(done, 100); // expect: SOVA002
    fut_free(done);
    fut_executor_free(pool);
    return 0;
}
