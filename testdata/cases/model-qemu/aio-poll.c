/* An NBD client coroutine waits for its reply by polling the AioContext with blocking=true; another only drains
 * ready events with blocking=false; a third yields and is woken by the reply handler.
 * Why: aio_poll(ctx, true) blocks in a nested event loop (SOVA001); aio_poll(ctx, false) does not block, and
 * yielding is the correct pattern. The main-loop blocking poll is not in a coroutine. */
#include "qemu/osdep.h"
#include "block/aio.h"

typedef struct NBDClient {
    AioContext *ctx;
    Coroutine *waiter;
    bool reply_ready;
    int handle;
} NBDClient;

static void coroutine_fn nbd_co_wait_reply_polling(NBDClient *c)
{
    while (!c->reply_ready) {
        aio_poll(c->ctx, true); // expect: SOVA001
    }
}

static void coroutine_fn nbd_co_process_ready(NBDClient *c)
{
    while (aio_poll(c->ctx, false)) {
        c->handle++;
    }
}

static void coroutine_fn nbd_co_wait_reply(NBDClient *c)
{
    while (!c->reply_ready) {
        c->waiter = qemu_coroutine_self();
        qemu_coroutine_yield();
    }
}

/* fd handler: the reply arrived */
void nbd_reply_ready(NBDClient *c)
{
    c->reply_ready = true;
    if (c->waiter) {
        aio_co_wake(c->waiter);
    }
}

void coroutine_fn nbd_co_request(NBDClient *c)
{
    nbd_co_process_ready(c);
    nbd_co_wait_reply(c);
    nbd_co_wait_reply_polling(c);
}

/* qemu-nbd's main loop */
void nbd_client_main_loop(NBDClient *c)
{
    while (!c->reply_ready) {
        aio_poll(c->ctx, true);
    }
}
