/* A report task picks its writer through a function-pointer local and calls it.
 * Why: both possible targets block, so both sites are reached from the worker (SOVA001 each);
 * a function-pointer local in main calling a blocking function is not reported. */
#include <stddef.h>
#include "fut.h"

void gz_flush_sync(int fd) __attribute__((annotate("sova:blocking")));
void tty_drain_sync(void) __attribute__((annotate("sova:blocking")));

struct report {
    int fd;
    int compressed;
    fut_future *disk;
};

static void write_gz(struct report *r)
{
    gz_flush_sync(r->fd); // expect: SOVA001
}

static void write_plain(struct report *r)
{
    fut_wait(r->disk); // expect: SOVA001
}

static void flush_tty(void)
{
    tty_drain_sync();
}

static void *export_report(void *arg)
{
    struct report *r = arg;
    void (*writer)(struct report *) = write_plain;
    if (r->compressed)
        writer = write_gz;
    writer(r);
    return NULL;
}

int main(void)
{
    static struct report r = { 1, 1, NULL };
    fut_promise *disk = fut_promise_new();
    r.disk = fut_promise_future(disk);
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, export_report, &r);
    void (*at_exit_hook)(void) = flush_tty;
    at_exit_hook();
    fut_free(f);
    return 0;
}
