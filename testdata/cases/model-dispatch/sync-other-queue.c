/* A block on the network queue, and a function on a global queue, each wait with dispatch_sync()/dispatch_sync_f()
 * for work on the database queue. Why: submit-and-wait parks a queue thread until another queue runs the work
 * (SOVA001, not a self-wait: the queues differ); main() doing the same is fine. */
#include <dispatch/dispatch.h>
#include <stdio.h>

struct app {
    dispatch_queue_t net_queue; /* serial */
    dispatch_queue_t db_queue;  /* serial */
    long last_seq;
};

static struct app g_app;

static void read_last_seq(void *ctx)
{
    struct app *app = ctx;
    printf("last seq %ld\n", app->last_seq);
}

static void on_packet(struct app *app, long seq)
{
    dispatch_async(app->net_queue, ^{
        __block long expected = 0;
        dispatch_sync(app->db_queue, ^{ // expect: SOVA001
            expected = app->last_seq + 1;
        });
        if (seq != expected)
            fprintf(stderr, "out of order: %ld (expected %ld)\n", seq, expected);
    });
}

static void report(void *ctx)
{
    struct app *app = ctx;
    dispatch_sync_f(app->db_queue, app, read_last_seq); // expect: SOVA001
}

int main(void)
{
    g_app.net_queue = dispatch_queue_create("org.example.net", DISPATCH_QUEUE_SERIAL);
    g_app.db_queue = dispatch_queue_create("org.example.db", DISPATCH_QUEUE_SERIAL);
    on_packet(&g_app, 1);
    dispatch_async_f(dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0), &g_app, report);
    dispatch_sync_f(g_app.db_queue, &g_app, read_last_seq);
    dispatch_main();
}
