/* coroutine_fn code calls bdrv_flush(), a co_wrapper_mixed function (no_coroutine_fn coroutine_mixed_fn), and a
 * coroutine_mixed_fn helper that picks bdrv_co_*() or the co_wrapper by qemu_in_coroutine().
 * Why: mixed functions detect coroutine context and call the coroutine_fn directly, so nothing blocks:
 * coroutine_mixed_fn cuts the chain and wins over no_coroutine_fn on the same declaration (no result). */
#include "qemu/osdep.h"
#include "block/block.h"

static int coroutine_mixed_fn vmdk_update_parent(BlockDriverState *bs, const char *parent)
{
    if (qemu_in_coroutine()) {
        return bdrv_co_change_backing_file(bs, parent, "vmdk", false);
    }
    return bdrv_change_backing_file(bs, parent, "vmdk", false);
}

static int coroutine_fn mirror_co_flush_target(BlockDriverState *target)
{
    return bdrv_flush(target);
}

int coroutine_fn vmdk_co_rebase(BlockDriverState *bs, BlockDriverState *target, const char *parent)
{
    int ret = vmdk_update_parent(bs, parent);
    if (ret < 0) {
        return ret;
    }
    return mirror_co_flush_target(target);
}

/* main-loop code calls the same helper */
int vmdk_rebase(BlockDriverState *bs, const char *parent)
{
    return vmdk_update_parent(bs, parent);
}
