/* A pool task calls fut_get() on a dependency it was handed in its context.
 * Why: the pool thread sits idle until the dependency completes, starving the pool (SOVA001). */
#include <stdio.h>
#include "fut.h"

struct thumb_job {
    const char *path;
    fut_future *decoded; /* produced by an earlier stage */
};

static void *make_thumbnail(void *arg)
{
    struct thumb_job *job = arg;
    void *pixels = fut_get(job->decoded); // expect: SOVA001
    printf("thumbnail for %s\n", job->path);
    return pixels;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *p = fut_promise_new();
    struct thumb_job job = { "cat.png", NULL };
    job.decoded = fut_promise_future(p);
    fut_future *done = fut_submit(pool, make_thumbnail, &job);
    fut_promise_set(p, NULL);
    fut_free(done);
    fut_executor_free(pool);
    return 0;
}
