/* A heartbeat task polls a peer with fut_wait_for(): bounded, but it still holds a pool thread
 * for up to the timeout. Why: bounded waits in workers still starve the pool (SOVA001, note level). */
#include <stddef.h>
#include "fut.h"

struct peer {
    const char *name;
    fut_future *ack;
    int misses;
};

static void *heartbeat(void *arg)
{
    struct peer *p = arg;
    if (!fut_wait_for(p->ack, 250)) // expect: SOVA001
        p->misses++;
    return NULL;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    fut_promise *ack = fut_promise_new();
    struct peer peer = { "db-2", NULL, 0 };
    peer.ack = fut_promise_future(ack);
    fut_future *hb = fut_submit(pool, heartbeat, &peer);
    fut_free(hb);
    return 0;
}
