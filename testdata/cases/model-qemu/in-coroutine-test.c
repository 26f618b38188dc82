/* Helpers called from coroutines and from the main loop that test
 * qemu_in_coroutine() and poll only outside coroutines, the way QEMU's
 * generated wrappers do. Why silent: after the test, the polling path does
 * not run in a coroutine (a context test, qemu.json's "context_tests").
 * Beside them, the paths the test leaves to coroutines, and a helper that
 * polls without testing, are still reported (SOVA001, SOVA005). */
#include "qemu/osdep.h"
#include "block/block.h"
#include "qemu/main-loop.h"

typedef struct MirrorJob {
    BlockDriverState *target;
    bool in_flight;
    unsigned delay_us;
} MirrorJob;

/* Polls only outside coroutines: the early return keeps coroutines out. */
static int mirror_flush(MirrorJob *job)
{
    if (qemu_in_coroutine()) {
        return bdrv_co_flush(job->target);
    }
    BDRV_POLL_WHILE(job->target, job->in_flight);
    return 0;
}

/* The same, with the test the other way round. */
static void mirror_drain(MirrorJob *job)
{
    if (!qemu_in_coroutine()) {
        AIO_WAIT_WHILE(qemu_get_aio_context(), job->in_flight);
    }
}

/* Sleeps only in coroutines: the test puts the sleep there. */
static void mirror_throttle(MirrorJob *job)
{
    if (qemu_in_coroutine()) {
        g_usleep(job->delay_us); // expect: SOVA005
    }
}

/* No test: polls wherever it is called from. */
static void mirror_wait(MirrorJob *job)
{
    AIO_WAIT_WHILE(qemu_get_aio_context(), job->in_flight); // expect: SOVA001
}

/* Reached from coroutines only through mirror_settle's test. */
static void mirror_poll_once(MirrorJob *job)
{
    AIO_WAIT_WHILE(qemu_get_aio_context(), job->in_flight);
}

/* A test on a helper's way in: nothing below it runs in a coroutine. */
static void mirror_settle(MirrorJob *job)
{
    if (qemu_in_coroutine()) {
        return;
    }
    mirror_poll_once(job);
}

void coroutine_fn mirror_co_run(MirrorJob *job)
{
    mirror_flush(job);
    mirror_drain(job);
    mirror_throttle(job);
    mirror_settle(job);
    mirror_wait(job);
}
