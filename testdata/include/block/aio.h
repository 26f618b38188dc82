/* block/aio.h - QEMU AioContext (subset) for sova's test cases
 * (rules/models/qemu.json).
 *
 * aio_poll() is declared as in QEMU <= 8.1. QEMU 8.2 ("block: mark aio_poll
 * as non-coroutine") declares it `bool no_coroutine_fn aio_poll(...)`, which
 * makes every call from a coroutine a wait, whatever @blocking is. */
#ifndef QEMU_AIO_H
#define QEMU_AIO_H

#include "qemu/coroutine.h"

typedef void QEMUBHFunc(void *opaque);

AioContext *aio_context_new(Error **errp);

/**
 * aio_poll: Make progress in completing pending AIO operations.
 *
 * If @blocking is true, this function will wait until one
 * or more AIO events have completed, to ensure something has moved
 * before returning.
 */
bool aio_poll(AioContext *ctx, bool blocking);

/**
 * aio_bh_schedule_oneshot_full: Allocate a new bottom half structure that will
 * run only once and as soon as possible.
 */
void aio_bh_schedule_oneshot_full(AioContext *ctx, QEMUBHFunc *cb, void *opaque,
                                  const char *name);

#define aio_bh_schedule_oneshot(ctx, cb, opaque) \
    aio_bh_schedule_oneshot_full((ctx), (cb), (opaque), (#cb))

/**
 * aio_co_wake: wake up the coroutine, in its own AioContext.
 */
void aio_co_wake(Coroutine *co);

#endif /* QEMU_AIO_H */
