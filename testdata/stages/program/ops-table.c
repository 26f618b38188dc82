/* Global const ops tables (one positional, one designated); a pump task calls s->ops->read, main calls close.
 * Why: tcp_read waits for received data in a worker (SOVA001); tcp_close waits too but only main reaches it. */
#include <stddef.h>
#include <string.h>
#include "fut.h"

struct stream_ops {
    long (*read)(void *self, char *buf, long n);
    void (*close)(void *self);
};

struct stream {
    const struct stream_ops *ops;
    void *self;
};

struct tcp {
    fut_future *rx;
    fut_future *fin;
};

static long tcp_read(void *self, char *buf, long n)
{
    struct tcp *t = self;
    fut_wait(t->rx); // expect: SOVA001
    memset(buf, 0, (size_t)n);
    return n;
}

static void tcp_close(void *self)
{
    struct tcp *t = self;
    fut_wait(t->fin);
}

static long mem_read(void *self, char *buf, long n)
{
    memcpy(buf, self, (size_t)n);
    return n;
}

static void mem_close(void *self)
{
    (void)self;
}

static const struct stream_ops tcp_ops = { tcp_read, tcp_close };
static const struct stream_ops mem_ops = { .read = mem_read, .close = mem_close };

static void *pump(void *arg)
{
    struct stream *s = arg;
    char buf[512];
    long n = s->ops->read(s->self, buf, (long)sizeof buf);
    return n > 0 ? s : NULL;
}

int main(void)
{
    static char backing[512];
    static struct tcp conn;
    fut_promise *rx = fut_promise_new();
    fut_promise *fin = fut_promise_new();
    conn.rx = fut_promise_future(rx);
    conn.fin = fut_promise_future(fin);
    static struct stream net = { &tcp_ops, &conn };
    static struct stream mem = { &mem_ops, backing };
    fut_executor *pool = fut_pool_new(2);
    fut_future *a = fut_submit(pool, pump, &net);
    fut_future *b = fut_submit(pool, pump, &mem);
    net.ops->close(net.self);
    mem.ops->close(mem.self);
    fut_free(a);
    fut_free(b);
    return 0;
}
