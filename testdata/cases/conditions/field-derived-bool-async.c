/* libsoup's tunnel_connect shape (soup-session.c:1655-1682): a helper runs a message's
 * I/O with `blocking` computed from a field of the item it was given,
 * `!item->async`, and the I/O waits only when blocking. Why silent: the pool task
 * passes only items it tested async (`if (it->async)`), so the argument is 0 and the
 * wait cannot run there. The twin, field-derived-bool-sync.c, passes sync items and is
 * reported. */
#include <stddef.h>
#include "fut.h"

struct item {
    int async;
    fut_future *io_done;
};

static void io_run(struct item *item, int blocking)
{
    if (blocking)
        fut_wait(item->io_done);
}

static void tunnel_connect(struct item *item)
{
    io_run(item, !item->async);
}

static void *run_item(void *arg)
{
    struct item *it = arg;
    if (it->async)
        tunnel_connect(it);
    return NULL;
}

int main(void)
{
    static struct item it;
    it.io_done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), run_item, &it));
    return 0;
}
