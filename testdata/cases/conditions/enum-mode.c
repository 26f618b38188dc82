/* A helper waits only in its MODE_SYNC branch; a worker calls it with MODE_ASYNC and with
 * MODE_POLL (`!=` and `==` tests, and `&&`). Why: both constants make the wait dead; no result. */
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
    return fut_get(r->reply);
}

static void log_reply(struct req *r, enum mode mode)
{
    if (r->verbose && mode == MODE_SYNC)
        fut_wait(r->reply);
}

static void *on_request(void *arg)
{
    handle(arg, MODE_ASYNC);
    handle(arg, MODE_POLL);
    log_reply(arg, MODE_POLL);
    return NULL;
}

int main(void)
{
    static struct req r;
    r.reply = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &r));
    return 0;
}
