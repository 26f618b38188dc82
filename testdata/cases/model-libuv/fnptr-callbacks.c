/* Timer callbacks come from a const route table, and a read callback dispatches through conn->on_message.
 * Why: both indirections resolve to loop callbacks: flush_metrics' synchronous fsync and admin_drain's
 * uv_sleep are SOVA005; cli_wait, in a CLI command table run only from main, is not reported. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_file metrics_fd = -1;

static void flush_metrics(uv_timer_t *t)
{
    uv_fs_t req;
    uv_fs_fsync(t->loop, &req, metrics_fd, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
}

static void collect_garbage(uv_timer_t *t)
{
    (void)t;
}

static const struct route {
    const char *name;
    uv_timer_cb cb;
    uint64_t period_ms;
} routes[] = {
    { "flush", flush_metrics, 1000 },
    { "gc", collect_garbage, 60000 },
};

struct conn {
    uv_tcp_t tcp;
    void (*on_message)(struct conn *c, const char *msg, size_t len);
    unsigned drain_ms;
};

static void admin_drain(struct conn *c, const char *msg, size_t len)
{
    if (len >= 5 && memcmp(msg, "drain", 5) == 0)
        uv_sleep(c->drain_ms); // expect: SOVA005
}

static void echo_message(struct conn *c, const char *msg, size_t len)
{
    (void)c; (void)msg; (void)len;
}

struct cli_cmd {
    const char *name;
    void (*run)(unsigned ms);
};

static void cli_wait(unsigned ms)
{
    uv_sleep(ms);
}

static const struct cli_cmd cli_cmds[] = { { "wait", cli_wait } };

static void alloc_buf(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    struct conn *c = s->data;
    if (nread > 0)
        c->on_message(c, buf->base, (size_t)nread);
    free(buf->base);
}

static void on_connection(uv_stream_t *server, int status)
{
    int admin = *(int *)server->data;
    struct conn *c = calloc(1, sizeof *c);
    if (status < 0 || c == NULL)
        return;
    c->on_message = admin ? admin_drain : echo_message;
    c->drain_ms = 500;
    uv_tcp_init(server->loop, &c->tcp);
    c->tcp.data = c;
    if (uv_accept(server, (uv_stream_t *)&c->tcp) == 0)
        uv_read_start((uv_stream_t *)&c->tcp, alloc_buf, on_read);
}

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    static uv_timer_t timers[sizeof routes / sizeof routes[0]];
    static int admin = 1;
    uv_tcp_t server;
    struct sockaddr_in addr;
    if (argc > 1 && strcmp(argv[1], cli_cmds[0].name) == 0)
        cli_cmds[0].run(100);
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        uv_timer_init(loop, &timers[i]);
        uv_timer_start(&timers[i], routes[i].cb, routes[i].period_ms, routes[i].period_ms);
    }
    uv_ip4_addr("127.0.0.1", 7002, &addr);
    uv_tcp_init(loop, &server);
    server.data = &admin;
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 16, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
