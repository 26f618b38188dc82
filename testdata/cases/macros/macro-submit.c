/* Submits hidden behind macros: SPAWN() makes upload a worker; RUN_SYNC() is submit-then-get in one macro.
 * Why: upload's wait starves the pool (SOVA001); RUN_SYNC in main is wrap-then-block (SOVA002 at the use line). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_pool;

#define SPAWN(fn, arg) fut_submit(g_pool, (fn), (arg))
#define RUN_SYNC(fn, arg) fut_get(fut_submit(g_pool, (fn), (arg)))

struct blob {
    const char *name;
    fut_future *ready;
};

static void *upload(void *arg)
{
    struct blob *b = arg;
    fut_wait(b->ready); // expect: SOVA001
    return NULL;
}

static void *checksum(void *arg)
{
    return arg;
}

int main(void)
{
    static struct blob b = { "backup.tar", NULL };
    fut_promise *ready = fut_promise_new();
    b.ready = fut_promise_future(ready);
    g_pool = fut_pool_new(4);
    fut_future *up = SPAWN(upload, &b);
    void *sum = RUN_SYNC(checksum, &b); // expect: SOVA002
    fut_free(up);
    return sum == NULL;
}
