/* The true shape beside enum-mode.c: the worker passes MODE_SYNC, so both waits run on
 * the pool thread (SOVA001). */
#include <stddef.h>
#include "fut.h"

enum mode { MODE_ASYNC, MODE_POLL, MODE_SYNC };

struct req {
    fut_future *reply;
    int verbose;
};

static void *handle(struct req *r, enum mode mode)
{
    if (mode != MODE_SYNC)
        return NULL;
    return fut_get(r->reply); // expect: SOVA001
}

static void log_reply(struct req *r, enum mode mode)
{
    if (r->verbose && mode == MODE_SYNC)
        fut_wait(r->reply); // expect: SOVA001
}

static void *on_request(void *arg)
{
    handle(arg, MODE_ASYNC);
    handle(arg, MODE_SYNC);
    log_reply(arg, MODE_SYNC);
    return NULL;
}

int main(void)
{
    static struct req r;
    r.reply = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &r));
    return 0;
}
