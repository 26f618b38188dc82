/* block/block.h - QEMU block layer API (subset) for sova's test cases
 * (rules/models/qemu.json). Upstream splits these declarations between
 * include/block/block-global-state.h and include/block/block-io.h; names,
 * annotations and argument orders follow QEMU 8/9. */
#ifndef BLOCK_H
#define BLOCK_H

#include "block/block-common.h"

/* block-global-state.h */
int coroutine_fn GRAPH_UNLOCKED
bdrv_co_create(BlockDriver *drv, const char *filename, QemuOpts *opts,
               Error **errp);

int co_wrapper bdrv_create(BlockDriver *drv, const char *filename,
                           QemuOpts *opts, Error **errp);

/* block-io.h */
AioContext *bdrv_get_aio_context(BlockDriverState *bs);

int coroutine_fn GRAPH_RDLOCK
bdrv_co_change_backing_file(BlockDriverState *bs, const char *backing_file,
                            const char *backing_fmt, bool warn);

int co_wrapper_bdrv_rdlock
bdrv_change_backing_file(BlockDriverState *bs, const char *backing_file,
                         const char *backing_fmt, bool warn);

int coroutine_fn GRAPH_RDLOCK bdrv_co_flush(BlockDriverState *bs);

int co_wrapper_mixed_bdrv_rdlock bdrv_flush(BlockDriverState *bs);

#define BDRV_POLL_WHILE(bs, cond) ({                       \
    BlockDriverState *bs_ = (bs);                          \
    AIO_WAIT_WHILE(bdrv_get_aio_context(bs_),              \
                   cond); })

#endif /* BLOCK_H */
