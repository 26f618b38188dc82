/* A helper dispatches on its state with a switch and waits only in the ST_SYNC case (and
 * in the default); a pool task calls it with ST_ASYNC and with ST_POLL, which falls into
 * ST_ASYNC's statements. Why: no label that reaches a wait matches either constant; no
 * result. */
#include <stddef.h>
#include "fut.h"

enum state { ST_ASYNC, ST_POLL, ST_SYNC, ST_DONE };

struct req {
    fut_future *reply;
};

static void *step(struct req *r, enum state state)
{
    switch (state) {
    case ST_POLL:
        if (!fut_is_ready(r->reply))
            return NULL;
        /* fall through */
    case ST_ASYNC:
        return r;
    case ST_SYNC:
        return fut_get(r->reply);
    case ST_DONE:
        break;
    default:
        fut_wait(r->reply);
    }
    return NULL;
}

static void *on_request(void *arg)
{
    step(arg, ST_ASYNC);
    step(arg, ST_POLL);
    step(arg, ST_DONE);
    return NULL;
}

int main(void)
{
    static struct req r;
    r.reply = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &r));
    return 0;
}
