/* A proxy resolves its backend and draws a session id per connection, once synchronously (NULL callback)
 * and once with callbacks. Why: the synchronous uv_getaddrinfo / uv_random in the connection callback block
 * the loop (SOVA005); the callback forms, and the synchronous ones in main, are not reported. */
#include <stdlib.h>
#include <uv.h>

static int legacy_sync_mode;

struct session {
    uv_tcp_t tcp;
    uv_getaddrinfo_t backend;
    uv_getnameinfo_t peer;
    uv_random_t rnd;
    unsigned char id[16];
};

static void on_backend(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    (void)req;
    if (status == 0)
        uv_freeaddrinfo(res);
}

static void on_peer_name(uv_getnameinfo_t *req, int status, const char *host, const char *service)
{
    (void)req; (void)status; (void)host; (void)service;
}

static void on_session_id(uv_random_t *req, int status, void *buf, size_t len)
{
    (void)req; (void)status; (void)buf; (void)len;
}

static void on_connection(uv_stream_t *server, int status)
{
    struct session *s = calloc(1, sizeof *s);
    struct sockaddr_storage peer;
    int peer_len = sizeof peer;
    if (status < 0 || s == NULL)
        return;
    uv_tcp_init(server->loop, &s->tcp);
    if (uv_accept(server, (uv_stream_t *)&s->tcp) != 0)
        return;
    if (legacy_sync_mode) {
        uv_getaddrinfo(server->loop, &s->backend, NULL, "backend.internal", "8080", NULL); // expect: SOVA005
        uv_random(server->loop, &s->rnd, s->id, sizeof s->id, 0, NULL); // expect: SOVA005
    } else {
        uv_getaddrinfo(server->loop, &s->backend, on_backend, "backend.internal", "8080", NULL);
        uv_random(server->loop, &s->rnd, s->id, sizeof s->id, 0, on_session_id);
    }
    uv_tcp_getpeername(&s->tcp, (struct sockaddr *)&peer, &peer_len);
    uv_getnameinfo(server->loop, &s->peer, on_peer_name, (struct sockaddr *)&peer, 0);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_getaddrinfo_t boot;
    unsigned char seed[32];
    uv_tcp_t server;
    struct sockaddr_in addr;
    legacy_sync_mode = getenv("PROXY_LEGACY_DNS") != NULL;
    uv_getaddrinfo(loop, &boot, NULL, "backend.internal", "8080", NULL);
    uv_freeaddrinfo(boot.addrinfo);
    uv_random(NULL, NULL, seed, sizeof seed, 0, NULL);
    uv_ip4_addr("0.0.0.0", 7005, &addr);
    uv_tcp_init(loop, &server);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
