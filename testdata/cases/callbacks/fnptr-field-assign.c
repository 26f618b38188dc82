/* A timer's callback is set with t->on_fire = refresh_token and invoked from a pool task.
 * Why: the indirect call resolves to refresh_token, whose wait starves the pool (SOVA001). A different
 * struct type with a same-named field, invoked only from main, is not reported. */
#include <stddef.h>
#include "fut.h"

void bell_ring_sync(void) __attribute__((annotate("sova:blocking")));

struct timer {
    void (*on_fire)(struct timer *t);
    fut_future *pending;
    int fired;
};

struct alarm {
    void (*on_fire)(struct alarm *a);
    int volume;
};

static void refresh_token(struct timer *t)
{
    fut_wait(t->pending); // expect: SOVA001
}

static void ring_bell(struct alarm *a)
{
    (void)a;
    bell_ring_sync();
}

static void arm_timer(struct timer *t, fut_future *pending)
{
    t->pending = pending;
    t->on_fire = refresh_token;
}

static void arm_alarm(struct alarm *a)
{
    a->on_fire = ring_bell;
}

static void *tick(void *arg)
{
    struct timer *t = arg;
    t->on_fire(t);
    t->fired++;
    return NULL;
}

int main(void)
{
    static struct timer t;
    struct alarm a = { NULL, 3 };
    fut_promise *tok = fut_promise_new();
    arm_timer(&t, fut_promise_future(tok));
    arm_alarm(&a);
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, tick, &t);
    a.on_fire(&a);
    fut_free(f);
    return 0;
}
