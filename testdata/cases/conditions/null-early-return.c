/* knot-resolver's shape: a worker calls step(task, NULL), and step returns at `if (!packet)`
 * before the layer that waits. Why: NULL makes the wait unreachable; no result. */
#include <stddef.h>
#include "fut.h"

struct task {
    fut_future *answer;
};

static int consume(struct task *t, const char *packet)
{
    (void)packet;
    return fut_wait_for(t->answer, 10) == 0 ? 1 : (fut_wait(t->answer), 0);
}

static int step(struct task *t, const char *packet, int len)
{
    if (len < 0 || !packet)
        return 0;
    return consume(t, packet);
}

static void *resume(void *arg)
{
    step(arg, NULL, 0);
    return NULL;
}

int main(void)
{
    static struct task t;
    static const char pkt[4];
    t.answer = fut_promise_future(fut_promise_new());
    step(&t, pkt, 4);
    fut_free(fut_submit(fut_pool_new(2), resume, &t));
    return 0;
}
