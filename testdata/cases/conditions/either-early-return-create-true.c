/* The twin of either-early-return-create-false.c. Why reported: on_open asks for the
 * monitor with create true, so with no monitor yet the else-if's wait runs; and the wait
 * in get_other's second branch, whose test (`!backend->other`) does not contradict either
 * side of the failed &&, may run for any caller. */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct backend {
    fut_future *monitor;
    fut_future *other;
    fut_future *pending;
};

static fut_executor *g_pool;

static fut_future *get_monitor(struct backend *backend, bool create)
{
    if (backend->monitor == NULL && create == false)
        return NULL;
    else if (backend->monitor == NULL) {
        fut_wait(backend->pending); // expect: SOVA001
        backend->monitor = backend->pending;
    }
    return backend->monitor;
}

static fut_future *get_other(struct backend *backend, bool create)
{
    if (backend->monitor == NULL && create == false)
        return NULL;
    else if (backend->other == NULL)
        fut_wait(backend->pending); // expect: SOVA001
    return backend->other;
}

static void *on_open(void *arg)
{
    get_monitor(arg, true);
    get_other(arg, false);
    return NULL;
}

int main(void)
{
    static struct backend b;
    b.pending = fut_promise_future(fut_promise_new());
    g_pool = fut_pool_new(2);
    fut_free(fut_submit(g_pool, on_open, &b));
    return 0;
}
