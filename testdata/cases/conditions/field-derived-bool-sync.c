/* The twin of field-derived-bool-async.c: the pool task passes only items it tested
 * sync (`if (!it->async)`), so `!item->async` is 1 and the helper's I/O waits in the
 * pool. Why reported: the derived argument is true there. */
#include <stddef.h>
#include "fut.h"

struct item {
    int async;
    fut_future *io_done;
};

static void io_run(struct item *item, int blocking)
{
    if (blocking)
        fut_wait(item->io_done); // expect: SOVA001
}

static void tunnel_connect(struct item *item)
{
    io_run(item, !item->async);
}

static void *run_item(void *arg)
{
    struct item *it = arg;
    if (!it->async)
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
