/* A PUB/SUB bridge whose aio callback forwards each message with the synchronous nng_sendmsg, and asks a
 * REQ peer with nng_send/nng_recv, from inside the callback.
 * Why: the synchronous calls are an aio plus nng_aio_wait inside NNG: waiting from an aio callback
 * (SOVA001, as nng_aio_wait). */
#include <nng/nng.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/req.h>
#include <string.h>

struct bridge {
    nng_socket sub;
    nng_socket pub;
    nng_socket auth;
    nng_aio *aio;
};

static int authorized(struct bridge *b, nng_msg *msg)
{
    char verdict[8];
    size_t len = sizeof verdict;
    if (nng_send(b->auth, nng_msg_body(msg), nng_msg_len(msg), 0) != 0) // expect: SOVA001
        return 0;
    if (nng_recv(b->auth, verdict, &len, 0) != 0) // expect: SOVA001
        return 0;
    return len >= 2 && memcmp(verdict, "ok", 2) == 0;
}

static void on_message(void *arg)
{
    struct bridge *b = arg;
    if (nng_aio_result(b->aio) != 0)
        return;
    nng_msg *msg = nng_aio_get_msg(b->aio);
    if (authorized(b, msg)) {
        if (nng_sendmsg(b->pub, msg, 0) != 0) // expect: SOVA001
            nng_msg_free(msg);
    } else {
        nng_msg_free(msg);
    }
    nng_recv_aio(b->sub, b->aio);
}

int main(void)
{
    static struct bridge b;
    if (nng_sub0_open(&b.sub) != 0 || nng_pub0_open(&b.pub) != 0 || nng_req0_open(&b.auth) != 0)
        return 1;
    nng_socket_set(b.sub, NNG_OPT_SUB_SUBSCRIBE, "", 0);
    nng_dial(b.sub, "tcp://upstream:7000", NULL, 0);
    nng_listen(b.pub, "tcp://0.0.0.0:7001", NULL, 0);
    nng_dial(b.auth, "ipc:///run/auth.sock", NULL, 0);
    nng_aio_alloc(&b.aio, on_message, &b);
    nng_recv_aio(b.sub, b.aio);
    for (;;) {
        nng_msg *ctl;
        if (nng_recvmsg(b.auth, &ctl, 0) == 0)
            nng_msg_free(ctl);
    }
}
