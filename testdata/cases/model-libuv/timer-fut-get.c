/* A libuv server refreshes its config from a futures-based client: the timer callback blocks on the
 * future (fut_get), an idle callback polls with a bounded fut_wait_for. Why: a future-like wait in any
 * async context, a loop callback included, is SOVA001; the fut_get under fut_is_ready cannot block. */
#include <stddef.h>
#include <uv.h>
#include "fut.h"

struct config { int max_conns; };

fut_future *config_fetch_async(const char *key);
void config_apply(const struct config *c);

static fut_future *pending_stats;

static void on_refresh(uv_timer_t *t)
{
    struct config *c = fut_get(config_fetch_async("server")); // expect: SOVA001
    (void)t;
    config_apply(c);
}

static void on_idle(uv_idle_t *idle)
{
    if (pending_stats == NULL)
        pending_stats = config_fetch_async("stats");
    if (fut_wait_for(pending_stats, 5) == 0) // expect: SOVA001
        uv_idle_stop(idle);
}

static void on_check(uv_check_t *check)
{
    fut_future *stats = pending_stats;
    (void)check;
    if (stats != NULL && fut_is_ready(stats))
        config_apply(fut_get(stats));
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t refresh;
    uv_idle_t idle;
    uv_check_t check;
    config_apply(fut_get(config_fetch_async("boot")));
    uv_timer_init(loop, &refresh);
    uv_timer_start(&refresh, on_refresh, 30000, 30000);
    uv_idle_init(loop, &idle);
    uv_idle_start(&idle, on_idle);
    uv_check_init(loop, &check);
    uv_check_start(&check, on_check);
    return uv_run(loop, UV_RUN_DEFAULT);
}
