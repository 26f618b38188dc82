/* connect_sync() pumps the loop with uv_run(UV_RUN_ONCE) until a TCP connect completes; a read callback
 * calls it. Why: "uv_run() is not reentrant. It must not be called from a callback" (libuv docs): SOVA005 at
 * the nested uv_run; main's own uv_run is the loop itself and is not reported. */
#include <stdlib.h>
#include <uv.h>

struct pending_connect {
    uv_connect_t req;
    int done;
    int status;
};

static void on_upstream_connected(uv_connect_t *req, int status)
{
    struct pending_connect *pc = req->data;
    pc->status = status;
    pc->done = 1;
}

static int connect_sync(uv_loop_t *loop, uv_tcp_t *sock, const struct sockaddr *addr)
{
    struct pending_connect pc = { .done = 0 };
    pc.req.data = &pc;
    uv_tcp_init(loop, sock);
    int rc = uv_tcp_connect(&pc.req, sock, addr, on_upstream_connected);
    if (rc != 0)
        return rc;
    while (!pc.done)
        uv_run(loop, UV_RUN_ONCE); // expect: SOVA005
    return pc.status;
}

static uv_tcp_t upstream;
static struct sockaddr_in upstream_addr;

static void alloc_buf(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_client_read(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf)
{
    if (nread > 0 && !uv_is_active((uv_handle_t *)&upstream))
        connect_sync(client->loop, &upstream, (const struct sockaddr *)&upstream_addr);
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    if (status < 0)
        return;
    uv_tcp_t *client = malloc(sizeof *client);
    uv_tcp_init(server->loop, client);
    if (uv_accept(server, (uv_stream_t *)client) == 0)
        uv_read_start((uv_stream_t *)client, alloc_buf, on_client_read);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_t server;
    struct sockaddr_in addr;
    uv_ip4_addr("127.0.0.1", 6000, &upstream_addr);
    uv_ip4_addr("0.0.0.0", 7000, &addr);
    uv_tcp_init(loop, &server);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
