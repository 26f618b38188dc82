/* qemu/main-loop.h - QEMU main loop (subset) for sova's test cases. */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

#include "block/aio.h"

/**
 * qemu_get_aio_context: Return the main loop's AioContext
 */
AioContext *qemu_get_aio_context(void);

#endif /* QEMU_MAIN_LOOP_H */
