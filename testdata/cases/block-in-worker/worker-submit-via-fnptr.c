/* The work function reaches fut_submit through a struct field and through a function-pointer local.
 * Why: indirection does not change that resize_image/upload_image run on the pool; their waits starve it (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct job {
    fut_task_fn run;
    fut_future *input;
};

static void *resize_image(void *arg)
{
    struct job *j = arg;
    void *pixels = fut_get(j->input); // expect: SOVA001
    return pixels;
}

static void *upload_image(void *arg)
{
    struct job *j = arg;
    fut_wait(j->input); // expect: SOVA001
    return NULL;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *decoded = fut_promise_new();
    struct job j = { NULL, NULL };
    j.input = fut_promise_future(decoded);
    j.run = resize_image;
    fut_future *a = fut_submit(pool, j.run, &j);
    fut_task_fn next = upload_image;
    fut_future *b = fut_submit(pool, next, &j);
    fut_promise_set(decoded, NULL);
    fut_free(a);
    fut_free(b);
    return 0;
}
