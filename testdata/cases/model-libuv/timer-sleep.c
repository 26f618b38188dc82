/* A repeating uv_timer callback throttles itself with sleep() and usleep().
 * Why: timer callbacks run on the loop thread, so each sleep stalls every handle on the loop (SOVA005).
 * The sleep() in main before uv_run is not in a callback and is not reported. */
#include <stdint.h>
#include <unistd.h>
#include <uv.h>

struct poller {
    uv_timer_t timer;
    unsigned ticks;
    unsigned backoff_s;
};

static void on_tick(uv_timer_t *t)
{
    struct poller *p = t->data;
    p->ticks++;
    if (p->ticks % 10 == 0)
        sleep(p->backoff_s); // expect: SOVA005
    else
        usleep(2000); // expect: SOVA005
    if (p->ticks == 100)
        uv_timer_stop(t);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    static struct poller p = { .backoff_s = 1 };
    sleep(1);
    uv_timer_init(loop, &p.timer);
    p.timer.data = &p;
    uv_timer_start(&p.timer, on_tick, 0, 50);
    int rc = uv_run(loop, UV_RUN_DEFAULT);
    uv_loop_close(loop);
    return rc;
}
