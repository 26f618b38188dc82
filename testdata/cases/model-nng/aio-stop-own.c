/* A REP server in the style of NNG's async demo: each worker's callback drives its own aio; on shutdown
 * the callback stops or frees the very aio it is the callback of.
 * Why: nng_aio_stop / nng_aio_free wait for that aio's callback to return, i.e. for the caller itself:
 * self-wait deadlock (SOVA004). */
#include <nng/nng.h>
#include <nng/protocol/reqrep0/rep.h>
#include <nng/supplemental/util/platform.h>
#include <stdlib.h>

enum { INIT, RECV, SEND };

struct work {
    int state;
    nng_aio *aio;
    nng_ctx ctx;
};

static nng_aio *stats_aio;
static unsigned long served;

static void server_cb(void *arg)
{
    struct work *w = arg;
    int rv = nng_aio_result(w->aio);
    if (rv == NNG_ECLOSED || rv == NNG_ECANCELED) {
        nng_aio_stop(w->aio); // expect: SOVA004
        return;
    }
    switch (w->state) {
    case INIT:
        w->state = RECV;
        nng_ctx_recv(w->ctx, w->aio);
        break;
    case RECV:
        if (rv != 0) {
            nng_ctx_close(w->ctx);
            nng_aio_free(w->aio); // expect: SOVA004
            free(w);
            return;
        }
        nng_aio_set_msg(w->aio, nng_aio_get_msg(w->aio));
        w->state = SEND;
        nng_ctx_send(w->ctx, w->aio);
        break;
    case SEND:
        served++;
        w->state = RECV;
        nng_ctx_recv(w->ctx, w->aio);
        break;
    }
}

static void stats_cb(void *arg)
{
    (void)arg;
    if (served > 1000000) {
        nng_aio_free(stats_aio); // expect: SOVA004
        return;
    }
    nng_sleep_aio(1000, stats_aio);
}

static struct work *alloc_work(nng_socket sock)
{
    struct work *w = calloc(1, sizeof(*w));
    if (!w || nng_aio_alloc(&w->aio, server_cb, w) != 0 || nng_ctx_open(&w->ctx, sock) != 0)
        abort();
    w->state = INIT;
    return w;
}

int main(void)
{
    nng_socket sock;
    struct work *workers[8];
    if (nng_rep0_open(&sock) != 0 || nng_listen(sock, "tcp://0.0.0.0:5555", NULL, 0) != 0)
        return 1;
    for (int i = 0; i < 8; i++) {
        workers[i] = alloc_work(sock);
        server_cb(workers[i]);
    }
    nng_aio_alloc(&stats_aio, stats_cb, NULL);
    nng_sleep_aio(1000, stats_aio);
    for (;;)
        nng_msleep(3600000);
}
