/* An HTTP proxy's connection callback resolves the upstream host with getaddrinfo / gethostbyname, and a
 * serial task does the same. Why: libc name resolution blocks for a network round trip (SOVA005 in a loop
 * callback and a serial task); uv_getaddrinfo with a callback is the non-blocking form, and main may block. */
#include <netdb.h>
#include <stdlib.h>
#include <uv.h>
#include "fut.h"

static const char *upstream = "origin.example.com";

static void on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    (void)req;
    if (status == 0)
        uv_freeaddrinfo(res);
}

static void on_connection(uv_stream_t *server, int status)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
    uv_getaddrinfo_t *req = malloc(sizeof *req);
    if (status < 0 || req == NULL)
        return;
    if (getaddrinfo(upstream, "80", &hints, &res) == 0) // expect: SOVA005
        freeaddrinfo(res);
    uv_getaddrinfo(server->loop, req, on_resolved, upstream, "80", &hints);
}

static void refresh_upstream(void *arg)
{
    struct hostent *h = gethostbyname(arg); // expect: SOVA005
    (void)h;
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_tcp_t server;
    struct sockaddr_in addr;
    struct addrinfo *res;
    fut_executor *control = fut_serial_new();
    if (getaddrinfo(upstream, "80", NULL, &res) != 0)
        return 1;
    freeaddrinfo(res);
    fut_post(control, refresh_upstream, (void *)upstream);
    uv_ip4_addr("0.0.0.0", 8080, &addr);
    uv_tcp_init(loop, &server);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    return uv_run(loop, UV_RUN_DEFAULT);
}
