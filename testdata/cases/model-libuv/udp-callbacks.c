/* A UDP echo service: the alloc callback only mallocs, the receive callback looks up the peer's name with
 * a synchronous uv_getnameinfo (NULL callback) before replying, and the send callback paces with uv_sleep.
 * Why: udp receive and send callbacks run on the loop thread (SOVA005); the alloc callback does not block. */
#include <stdlib.h>
#include <string.h>
#include <uv.h>

struct reply {
    uv_udp_send_t req;
    char data[512];
};

static void alloc_datagram(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_sent(uv_udp_send_t *req, int status)
{
    (void)status;
    uv_sleep(5); // expect: SOVA005
    free(req->data);
}

static void on_datagram(uv_udp_t *sock, ssize_t nread, const uv_buf_t *buf, const struct sockaddr *addr, unsigned flags)
{
    uv_getnameinfo_t name;
    (void)flags;
    if (nread > 0 && addr != NULL) {
        struct reply *r = malloc(sizeof *r);
        size_t n = (size_t)nread < sizeof r->data ? (size_t)nread : sizeof r->data;
        uv_getnameinfo(sock->loop, &name, NULL, addr, 0); // expect: SOVA005
        memcpy(r->data, buf->base, n);
        uv_buf_t out = uv_buf_init(r->data, (unsigned)n);
        r->req.data = r;
        uv_udp_send(&r->req, sock, &out, 1, addr, on_sent);
    }
    free(buf->base);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_udp_t sock;
    struct sockaddr_in addr;
    uv_ip4_addr("0.0.0.0", 7004, &addr);
    uv_udp_init(loop, &sock);
    uv_udp_bind(&sock, (const struct sockaddr *)&addr, UV_UDP_REUSEADDR);
    uv_udp_recv_start(&sock, alloc_datagram, on_datagram);
    return uv_run(loop, UV_RUN_DEFAULT);
}
