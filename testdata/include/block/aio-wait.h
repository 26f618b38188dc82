/* block/aio-wait.h - QEMU's AIO_WAIT_WHILE() for sova's test cases
 * (rules/models/qemu.json).
 *
 * Upstream AIO_WAIT_WHILE() polls either @ctx (when called from its home
 * thread) or the main loop's context, so its expansion holds two calls to
 * aio_poll(..., true); this minimal version keeps the home-thread branch
 * only, i.e. one blocking aio_poll() per use of the macro. */
#ifndef QEMU_AIO_WAIT_H
#define QEMU_AIO_WAIT_H

#include "block/aio.h"

typedef struct {
    /* Number of waiting AIO_WAIT_WHILE() callers. Accessed with atomic ops. */
    unsigned num_waiters;
} AioWait;

extern AioWait global_aio_wait;

/**
 * AIO_WAIT_WHILE:
 * @ctx: the aio context, or NULL if multiple aio contexts (for which the
 *       caller does not hold a lock) are involved in the polling condition.
 * @cond: wait while this conditional expression is true
 *
 * Wait while a condition is true.  Use this to implement synchronous
 * operations that require event loop activity.
 */
#define AIO_WAIT_WHILE(ctx, cond) ({                               \
    bool waited_ = false;                                          \
    AioContext *ctx_ = (ctx);                                      \
    global_aio_wait.num_waiters++;                                 \
    while ((cond)) {                                               \
        aio_poll(ctx_, true);                                      \
        waited_ = true;                                            \
    }                                                              \
    global_aio_wait.num_waiters--;                                 \
    waited_; })

/**
 * aio_wait_kick:
 * Wake up the main thread if it is waiting on AIO_WAIT_WHILE().
 */
void aio_wait_kick(void);

/**
 * aio_wait_bh_oneshot:
 * @ctx: the aio context
 * @cb: the BH callback function
 * @opaque: user data for the BH callback function
 *
 * Run a BH in @ctx and wait for it to complete.
 */
void aio_wait_bh_oneshot(AioContext *ctx, QEMUBHFunc *cb, void *opaque);

#endif /* QEMU_AIO_WAIT_H */
