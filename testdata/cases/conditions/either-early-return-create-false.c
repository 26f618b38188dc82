/* gvfsd-trash's shape (gvfsbackendtrash.c:47-65): get_monitor(backend, create) returns
 * at once when there is no monitor and create is FALSE, else makes the monitor, which
 * waits. Why silent: `if (!monitor && !create) return; else if (!monitor) wait();` leaves
 * either a monitor or create set (an either of the && that failed), and the else-if's
 * own test says there is no monitor, so the wait needs create: the only caller passes
 * false. */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct backend {
    fut_future *monitor;
    fut_future *pending;
};

static fut_executor *g_pool;

static fut_future *get_monitor(struct backend *backend, bool create)
{
    if (backend->monitor == NULL && create == false)
        return NULL;
    else if (backend->monitor == NULL) {
        fut_wait(backend->pending);
        backend->monitor = backend->pending;
    }
    return backend->monitor;
}

static void *on_count_changed(void *arg)
{
    get_monitor(arg, false);
    return NULL;
}

int main(void)
{
    static struct backend b;
    b.pending = fut_promise_future(fut_promise_new());
    g_pool = fut_pool_new(2);
    fut_free(fut_submit(g_pool, on_count_changed, &b));
    return 0;
}
