/* Coroutines wait for a condition with AIO_WAIT_WHILE()/BDRV_POLL_WHILE(), or through a no_coroutine_fn helper
 * that does. Why: these macros run aio_poll(ctx, true), a nested blocking event loop, which coroutines must not
 * do (SOVA001, reported at the macro's use or at the call to the no_coroutine_fn helper). Main-loop code
 * waiting the same way is their intended use. */
#include "qemu/osdep.h"
#include "block/block.h"
#include "qemu/main-loop.h"

typedef struct BackupJob {
    BlockDriverState *target;
    bool in_flight;
    bool drained;
} BackupJob;

static void coroutine_fn backup_co_wait_for_target(BackupJob *job)
{
    AIO_WAIT_WHILE(bdrv_get_aio_context(job->target), job->in_flight); // expect: SOVA001
}

static void coroutine_fn backup_co_drain_target(BackupJob *job)
{
    BDRV_POLL_WHILE(job->target, !job->drained); // expect: SOVA001
}

/* Synchronous helper for main-loop callers. */
static void no_coroutine_fn backup_wait_idle(BackupJob *job)
{
    AIO_WAIT_WHILE(qemu_get_aio_context(), job->in_flight);
}

static void coroutine_fn backup_co_finish(BackupJob *job)
{
    backup_co_wait_for_target(job);
    backup_co_drain_target(job);
    backup_wait_idle(job); // expect: SOVA001
}

void coroutine_fn backup_co_run(BackupJob *job)
{
    backup_co_finish(job);
}

/* QMP "block-job-cancel" path, in the main loop */
void backup_cancel_sync(BackupJob *job)
{
    BDRV_POLL_WHILE(job->target, job->in_flight);
    backup_wait_idle(job);
}
