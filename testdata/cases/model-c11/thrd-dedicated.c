/* A watchdog runs on its own thread from thrd_create, sleeping and waiting on a cnd_t; main joins it.
 * Why: thrd_create starts a dedicated thread, not an async context: blocking there, or in main, is
 * not sync-over-async (no result). */
#include <stdbool.h>
#include <threads.h>
#include <time.h>

struct watchdog {
    mtx_t lock;
    cnd_t kicked;
    bool stop;
    unsigned misses;
};

static int watchdog_main(void *arg)
{
    struct watchdog *w = arg;
    struct timespec period = { .tv_sec = 1 };
    mtx_lock(&w->lock);
    while (!w->stop) {
        struct timespec deadline;
        timespec_get(&deadline, TIME_UTC);
        deadline.tv_sec += 5;
        if (cnd_timedwait(&w->kicked, &w->lock, &deadline) == thrd_timedout)
            w->misses++;
        mtx_unlock(&w->lock);
        thrd_sleep(&period, NULL);
        mtx_lock(&w->lock);
    }
    mtx_unlock(&w->lock);
    return (int)w->misses;
}

int main(void)
{
    static struct watchdog w;
    thrd_t t;
    int misses;
    struct timespec run_for = { .tv_sec = 3 };
    mtx_init(&w.lock, mtx_plain);
    cnd_init(&w.kicked);
    if (thrd_create(&t, watchdog_main, &w) != thrd_success)
        return 1;
    thrd_sleep(&run_for, NULL);
    mtx_lock(&w.lock);
    w.stop = true;
    cnd_signal(&w.kicked);
    mtx_unlock(&w.lock);
    thrd_join(t, &misses);
    return misses;
}
