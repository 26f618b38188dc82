/* An aio callback that finishes with its own aio the safe way: nng_aio_reap (deferred free), nng_aio_cancel
 * (does not wait), and restarts I/O with nng_recv_aio / nng_sleep_aio.
 * Why: none of these wait for a callback, so nothing is reported (nng_aio_reap exists for exactly this). */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/supplemental/util/platform.h>
#include <stdlib.h>

struct conn {
    nng_socket sock;
    nng_aio *aio;
    nng_aio *timeout;
    int errors;
};

static void on_timeout(void *arg)
{
    struct conn *c = arg;
    if (nng_aio_result(c->timeout) == 0)
        nng_aio_cancel(c->aio);
}

static void on_recv(void *arg)
{
    struct conn *c = arg;
    if (nng_aio_result(c->aio) != 0) {
        if (++c->errors > 3) {
            nng_aio_cancel(c->timeout);
            nng_aio_reap(c->timeout);
            nng_aio_reap(c->aio);
            return;
        }
        nng_sleep_aio(100, c->timeout);
    } else {
        nng_msg_free(nng_aio_get_msg(c->aio));
        c->errors = 0;
    }
    nng_recv_aio(c->sock, c->aio);
}

int main(void)
{
    struct conn *c = calloc(1, sizeof(*c));
    if (!c || nng_pull0_open(&c->sock) != 0)
        return 1;
    nng_listen(c->sock, "tcp://0.0.0.0:9000", NULL, 0);
    nng_aio_alloc(&c->aio, on_recv, c);
    nng_aio_alloc(&c->timeout, on_timeout, c);
    nng_recv_aio(c->sock, c->aio);
    for (;;)
        nng_msleep(1000);
}
