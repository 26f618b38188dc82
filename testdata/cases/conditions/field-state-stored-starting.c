/* The true shapes beside field-state-stored.c: one pool task stores STARTING before it
 * runs the machine once, so the first pass connects; another stores FINISHING but runs
 * the machine in a loop (loop 1), and a later pass may find it restarted; a third
 * stores FINISHING and then calls out before the machine runs, which may change the
 * state. Each wait is on a pool thread (SOVA001), reached from all three. */
#include <stddef.h>
#include "fut.h"

enum state { ST_STARTING, ST_CONNECTED, ST_FINISHING, ST_FINISHED, ST_RESTARTING };

struct item {
    enum state state;
    fut_future *conn;
};

void log_item(struct item *it);

static void process(struct item *it, int loop)
{
    do {
        switch (it->state) {
        case ST_STARTING:
            fut_get(it->conn); // expect: SOVA001 from: on_start, on_retry, on_logged
            it->state = ST_CONNECTED;
            break;
        case ST_FINISHING:
            it->state = ST_RESTARTING;
            break;
        case ST_RESTARTING:
            it->state = ST_STARTING;
            break;
        default:
            return;
        }
    } while (loop && it->state != ST_FINISHED);
}

static void *on_start(void *arg)
{
    struct item *it = arg;
    it->state = ST_STARTING;
    process(it, 0);
    return NULL;
}

static void *on_retry(void *arg)
{
    struct item *it = arg;
    it->state = ST_FINISHING;
    process(it, 1);
    return NULL;
}

static void *on_logged(void *arg)
{
    struct item *it = arg;
    it->state = ST_FINISHING;
    log_item(it);
    process(it, 0);
    return NULL;
}

int main(void)
{
    static struct item it;
    fut_executor *pool = fut_pool_new(2);
    it.conn = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(pool, on_start, &it));
    fut_free(fut_submit(pool, on_retry, &it));
    fut_free(fut_submit(pool, on_logged, &it));
    return 0;
}
