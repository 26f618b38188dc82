/* Coroutines block their thread with g_usleep() (directly or in a helper) and qemu_sem_wait().
 * Why: a coroutine shares its thread with the AioContext's event loop and every other coroutine of it; blocking
 * the thread stalls them all (SOVA005). qemu_co_sleep_ns() yields instead, and a dedicated QemuThread may block:
 * neither is reported. */
#include "qemu/osdep.h"
#include "qemu/coroutine.h"
#include "qemu/thread.h"

typedef struct ThrottleState {
    int64_t delay_ns;
    QemuSemaphore budget;
    QemuThread refill_thread;
    bool quit;
} ThrottleState;

static void throttle_backoff(ThrottleState *ts)
{
    g_usleep(ts->delay_ns / 1000); // expect: SOVA005
}

static void coroutine_fn throttle_co_wait_busy(ThrottleState *ts)
{
    g_usleep(ts->delay_ns / 1000); // expect: SOVA005
}

static void coroutine_fn throttle_co_wait(ThrottleState *ts)
{
    qemu_co_sleep_ns(QEMU_CLOCK_REALTIME, ts->delay_ns);
}

static void coroutine_fn throttle_co_take_budget(ThrottleState *ts)
{
    qemu_sem_wait(&ts->budget); // expect: SOVA005
}

void coroutine_fn throttle_co_request(ThrottleState *ts)
{
    throttle_co_wait(ts);
    throttle_co_wait_busy(ts);
    throttle_backoff(ts);
    throttle_co_take_budget(ts);
}

static void *throttle_refill_thread(void *opaque)
{
    ThrottleState *ts = opaque;

    while (!ts->quit) {
        g_usleep(1000);
        qemu_sem_post(&ts->budget);
    }
    return NULL;
}

void throttle_start(ThrottleState *ts)
{
    qemu_sem_init(&ts->budget, 0);
    qemu_thread_create(&ts->refill_thread, "throttle-refill", throttle_refill_thread, ts,
                       QEMU_THREAD_JOINABLE);
}

void throttle_stop(ThrottleState *ts)
{
    ts->quit = true;
    qemu_thread_join(&ts->refill_thread);
}
