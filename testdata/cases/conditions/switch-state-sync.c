/* The true shape beside switch-state.c: the pool task passes ST_SYNC, and a value no
 * label names, which takes the default; both waits run on the pool thread (SOVA001). */
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
        return fut_get(r->reply); // expect: SOVA001
    case ST_DONE:
        break;
    default:
        fut_wait(r->reply); // expect: SOVA001
    }
    return NULL;
}

static void *on_request(void *arg)
{
    step(arg, ST_ASYNC);
    step(arg, ST_SYNC);
    step(arg, (enum state)7);
    return NULL;
}

int main(void)
{
    static struct req r;
    r.reply = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &r));
    return 0;
}
