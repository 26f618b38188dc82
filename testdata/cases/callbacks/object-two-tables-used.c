/* The same two tables, but the encode task passes slow_ops through the two helpers and the
 * flush task reads slow_ops through a local pointer; main uses fast_ops.
 * Why: the task's own table is followed to slow_run and slow_flush, which wait (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct codec_ops {
    void (*run)(void *buf);
    void (*flush)(void *buf);
};

static fut_future *g_flushed;

static void fast_run(void *buf) { (void)buf; }
static void fast_flush(void *buf) { (void)buf; }
static void slow_run(void *buf) { (void)buf; fut_wait(g_flushed); } // expect: SOVA001
static void slow_flush(void *buf) { (void)buf; fut_wait(g_flushed); } // expect: SOVA001

static const struct codec_ops fast_ops = { .run = fast_run, .flush = fast_flush };
static const struct codec_ops slow_ops = { slow_run, slow_flush };

static void run_with(const struct codec_ops *ops, void *buf)
{
    ops->run(buf);
}

static void encode(const struct codec_ops *ops, void *buf)
{
    run_with(ops, buf);
}

static void *encode_task(void *buf)
{
    encode(&slow_ops, buf);
    return NULL;
}

static void *flush_task(void *buf)
{
    const struct codec_ops *ops = &slow_ops;
    ops->flush(buf);
    return NULL;
}

int main(void)
{
    static char buf[64];
    fut_promise *p = fut_promise_new();
    g_flushed = fut_promise_future(p);
    fut_executor *pool = fut_pool_new(2);
    fut_future *a = fut_submit(pool, encode_task, buf);
    fut_future *b = fut_submit(pool, flush_task, buf);
    fast_ops.run(buf);
    encode(&fast_ops, buf);
    fut_promise_set(p, NULL);
    fut_free(a);
    fut_free(b);
    return 0;
}
