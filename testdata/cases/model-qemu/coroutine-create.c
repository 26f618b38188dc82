/* Legacy-style coroutine entry points, not annotated coroutine_fn, started with qemu_coroutine_create():
 * one calls the bdrv_create() co_wrapper, one sleeps with g_usleep(). Why: the entry runs in coroutine context
 * (the model's submit with context "coroutine"), so the co_wrapper is a nested poll (SOVA001) and the sleep
 * blocks the event loop (SOVA005). The synchronous API function that starts them runs outside coroutines. */
#include "qemu/osdep.h"
#include "block/block.h"

typedef struct CreateCo {
    BlockDriver *drv;
    const char *filename;
    QemuOpts *opts;
    int ret;
    Error *err;
} CreateCo;

typedef struct RetryCo {
    int attempts;
    bool done;
} RetryCo;

static void create_entry(void *opaque)
{
    CreateCo *cco = opaque;

    cco->ret = bdrv_create(cco->drv, cco->filename, cco->opts, &cco->err); // expect: SOVA001
}

static void retry_entry(void *opaque)
{
    RetryCo *r = opaque;

    while (!r->done && r->attempts-- > 0) {
        g_usleep(100 * 1000); // expect: SOVA005
    }
}

int image_create_sync(BlockDriver *drv, const char *filename, QemuOpts *opts)
{
    CreateCo cco = { .drv = drv, .filename = filename, .opts = opts, .ret = -115 };
    RetryCo retry = { .attempts = 3 };
    Coroutine *co;

    co = qemu_coroutine_create(create_entry, &cco);
    qemu_coroutine_enter(co);
    co = qemu_coroutine_create(retry_entry, &retry);
    qemu_coroutine_enter(co);
    return cco.ret;
}
