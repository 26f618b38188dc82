/* block/block-common.h - QEMU block layer common definitions (subset) for
 * sova's test cases (rules/models/qemu.json).
 *
 * co_wrapper{*}: Function specifiers used by block-coroutine-wrapper.py
 * (docs/devel/block-coroutine-wrapper.rst), defined as in QEMU 8/9:
 * - co_wrapper functions can be called by only non-coroutine context, because
 *   they always generate a new coroutine (and poll until it is done).
 * - co_wrapper_mixed functions can be called by both coroutine and
 *   non-coroutine context.
 * These functions should not be called from a coroutine_fn; instead,
 * call the wrapped function directly. */
#ifndef BLOCK_COMMON_H
#define BLOCK_COMMON_H

#include "block/aio.h"
#include "block/aio-wait.h"
#include "qemu/coroutine.h"

#define co_wrapper                     no_coroutine_fn
#define co_wrapper_mixed               no_coroutine_fn coroutine_mixed_fn
#define co_wrapper_bdrv_rdlock         no_coroutine_fn
#define co_wrapper_mixed_bdrv_rdlock   no_coroutine_fn coroutine_mixed_fn

/* Clang thread-safety annotations of the block graph lock
 * (include/block/graph-lock.h); no-ops here. */
#define GRAPH_RDLOCK
#define GRAPH_UNLOCKED

typedef struct BlockDriver BlockDriver;

#endif /* BLOCK_COMMON_H */
