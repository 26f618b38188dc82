/* A wait under stacked labels (case ST_SYNC: case ST_FLUSH:) and one reached by falling
 * through from ST_FLUSH's statements; the pool task passes ST_FLUSH, so both run on the
 * pool thread (SOVA001). A switch that is entered beside its top (a label under an if,
 * Duff's device) says nothing: its wait is reported whatever the constant. */
#include <stddef.h>
#include "fut.h"

enum state { ST_ASYNC, ST_SYNC, ST_FLUSH };

struct req {
    fut_future *reply;
    fut_future *flushed;
};

static void step(struct req *r, enum state state)
{
    switch (state) {
    case ST_ASYNC:
        break;
    case ST_SYNC:
    case ST_FLUSH:
        fut_wait(r->reply); // expect: SOVA001
        if (state != ST_FLUSH)
            break;
        /* fall through */
    case 9:
        fut_wait(r->flushed); // expect: SOVA001
        break;
    }
}

static void duff(struct req *r, int n)
{
    switch (n) {
    case 0:
        if (r->reply) {
    case 1:
            fut_wait(r->reply); // expect: SOVA001
        }
        break;
    }
}

static void *on_request(void *arg)
{
    step(arg, ST_ASYNC);
    step(arg, ST_FLUSH);
    duff(arg, 2);
    return NULL;
}

int main(void)
{
    static struct req r;
    r.reply = fut_promise_future(fut_promise_new());
    r.flushed = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &r));
    return 0;
}
