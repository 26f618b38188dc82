/* A REQ client whose send-completion callback waits for the reply aio, and whose timeout callback stops
 * the request aio before retrying.
 * Why: nng_aio_wait / nng_aio_stop on another aio from an aio callback wait for that aio's callback, which
 * may need the thread this callback holds (NNG: "should never be called from ... a callback of an aio"):
 * SOVA001. */
#include <nng/nng.h>
#include <nng/protocol/reqrep0/req.h>
#include <nng/supplemental/util/platform.h>
#include <stdio.h>

struct client {
    nng_socket sock;
    nng_aio *send_aio;
    nng_aio *recv_aio;
    nng_aio *timer_aio;
};

static void recv_done(void *arg)
{
    struct client *c = arg;
    if (nng_aio_result(c->recv_aio) == 0) {
        nng_msg *reply = nng_aio_get_msg(c->recv_aio);
        printf("reply: %zu bytes\n", nng_msg_len(reply));
        nng_msg_free(reply);
    }
}

static void send_done(void *arg)
{
    struct client *c = arg;
    if (nng_aio_result(c->send_aio) != 0) {
        nng_msg_free(nng_aio_get_msg(c->send_aio));
        return;
    }
    nng_recv_aio(c->sock, c->recv_aio);
    nng_aio_wait(c->recv_aio); // expect: SOVA001
}

static void timer_done(void *arg)
{
    struct client *c = arg;
    nng_aio_stop(c->recv_aio); // expect: SOVA001
    nng_recv_aio(c->sock, c->recv_aio);
}

int main(void)
{
    static struct client c;
    nng_msg *req;
    if (nng_req0_open(&c.sock) != 0 || nng_dial(c.sock, "tcp://127.0.0.1:5555", NULL, 0) != 0)
        return 1;
    nng_aio_alloc(&c.send_aio, send_done, &c);
    nng_aio_alloc(&c.recv_aio, recv_done, &c);
    nng_aio_alloc(&c.timer_aio, timer_done, &c);
    nng_msg_alloc(&req, 0);
    nng_msg_append(req, "ping", 4);
    nng_aio_set_msg(c.send_aio, req);
    nng_send_aio(c.sock, c.send_aio);
    nng_sleep_aio(1000, c.timer_aio);
    nng_msleep(5000);
    nng_aio_free(c.send_aio);
    nng_aio_free(c.recv_aio);
    nng_aio_free(c.timer_aio);
    nng_close(c.sock);
    return 0;
}
