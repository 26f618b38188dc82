/* The true shape beside null-early-return.c: the worker passes a real packet, so step goes
 * on past `if (!packet) return` and the layer waits on the pool thread (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct task {
    fut_future *answer;
    char packet[64];
};

static int consume(struct task *t, const char *packet)
{
    (void)packet;
    fut_wait(t->answer); // expect: SOVA001
    return 1;
}

static int step(struct task *t, const char *packet)
{
    if (!packet)
        return 0;
    return consume(t, packet);
}

static void *resume(void *arg)
{
    struct task *t = arg;
    step(t, t->packet);
    step(t, NULL);
    return NULL;
}

int main(void)
{
    static struct task t;
    t.answer = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), resume, &t));
    return 0;
}
