/* coroutine_fn code calls generated co_wrapper functions (no_coroutine_fn) instead of the bdrv_co_* functions
 * they wrap. Why: a co_wrapper creates a coroutine and polls the event loop until it finishes; from a coroutine
 * that nests the event loop (SOVA001). Calling bdrv_co_*() directly, or the wrapper from non-coroutine code
 * (a QMP handler), is correct. */
#include "qemu/osdep.h"
#include "block/block.h"

typedef struct Qcow2CreateOpts {
    BlockDriver *backing_drv;
    const char *backing_file;
    const char *data_file;
    QemuOpts *opts;
} Qcow2CreateOpts;

static int coroutine_fn qcow2_co_create_backing(Qcow2CreateOpts *o, Error **errp)
{
    return bdrv_create(o->backing_drv, o->backing_file, o->opts, errp); // expect: SOVA001
}

static int coroutine_fn qcow2_co_create_data_file(Qcow2CreateOpts *o, Error **errp)
{
    return bdrv_co_create(o->backing_drv, o->data_file, o->opts, errp);
}

static int coroutine_fn stream_co_update_backing(BlockDriverState *bs, const char *base_id,
                                                 const char *base_fmt)
{
    return bdrv_change_backing_file(bs, base_id, base_fmt, false); // expect: SOVA001
}

static int coroutine_fn commit_co_update_backing(BlockDriverState *bs, const char *base_id,
                                                 const char *base_fmt)
{
    return bdrv_co_change_backing_file(bs, base_id, base_fmt, false);
}

int coroutine_fn qcow2_co_create_all(Qcow2CreateOpts *o, BlockDriverState *bs, Error **errp)
{
    int ret = qcow2_co_create_backing(o, errp);
    if (ret < 0) {
        return ret;
    }
    ret = qcow2_co_create_data_file(o, errp);
    if (ret < 0) {
        return ret;
    }
    ret = stream_co_update_backing(bs, o->backing_file, "qcow2");
    return ret < 0 ? ret : commit_co_update_backing(bs, o->backing_file, "qcow2");
}

/* QMP command handler: runs in the main loop, outside coroutines. */
int qmp_blockdev_create_image(BlockDriver *drv, const char *filename, QemuOpts *opts, Error **errp)
{
    return bdrv_create(drv, filename, opts, errp);
}
