/* --explain names the entry pair that prunes the wait: the state the caller
 * stored, tested on the first pass, or the loop running again. */
#include <stddef.h>
#include "fut.h"

enum state { ST_STARTING, ST_CONNECTED, ST_FINISHING, ST_FINISHED };

struct item {
    enum state state;
    fut_future *conn;
};

static void process(struct item *it, int loop)
{
    do {
        switch (it->state) {
        case ST_STARTING:
            fut_get(it->conn); /* connect, synchronously */ // explain
            it->state = ST_CONNECTED;
            break;
        case ST_CONNECTED:
            it->state = ST_FINISHING;
            break;
        case ST_FINISHING:
            it->state = ST_FINISHED;
            return;
        default:
            return;
        }
    } while (loop && it->state != ST_FINISHED);
}

static void *on_done(void *arg)
{
    struct item *it = arg;
    if (it->state != ST_FINISHED) {
        it->state = ST_FINISHING;
        process(it, 0);
    }
    return NULL;
}

int main(void)
{
    static struct item it;
    it.conn = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_done, &it));
    return 0;
}
