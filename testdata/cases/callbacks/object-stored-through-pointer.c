/* A table filled at run time: install() stores slow_close into ops->close through a pointer,
 * and main installs it into the table the pool task calls; a second table is a copy of a
 * const table whose member the program never stores into directly.
 * Why: a store through a pointer may reach any table of the type, and a table with no store
 * of its own is resolved by field; both waits are reported (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct conn_ops {
    void (*close)(void *conn);
    void (*drain)(void *conn);
};

static fut_future *g_closed;
static fut_future *g_drained;

static void quick_close(void *conn) { (void)conn; }
static void slow_close(void *conn) { (void)conn; fut_wait(g_closed); } // expect: SOVA001
static void slow_drain(void *conn) { (void)conn; fut_wait(g_drained); } // expect: SOVA001

static struct conn_ops live_ops = { .close = quick_close };
static const struct conn_ops draining_ops = { .drain = slow_drain };

static void install(struct conn_ops *ops)
{
    ops->close = slow_close;
}

static void *reaper(void *conn)
{
    live_ops.close(conn);
    struct conn_ops copy = draining_ops;
    copy.drain(conn);
    return NULL;
}

int main(void)
{
    static int conn;
    fut_promise *c = fut_promise_new(), *d = fut_promise_new();
    g_closed = fut_promise_future(c);
    g_drained = fut_promise_future(d);
    install(&live_ops);
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, reaper, &conn);
    fut_promise_set(c, NULL);
    fut_promise_set(d, NULL);
    fut_free(f);
    return 0;
}
