/* A connection handler submitted to srv->workers submits body parsing to srv->workers and waits.
 * Why: same struct field of the same struct type = same executor; the handler can starve the pool it
 * needs: deadlock under load (SOVA004). */
#include <stddef.h>
#include "fut.h"

struct server {
    fut_executor *workers;
    int port;
};

static void *parse_body(void *arg)
{
    return arg;
}

static void *handle_conn(void *arg)
{
    struct server *srv = arg;
    void *body = fut_get(fut_submit(srv->workers, parse_body, srv)); // expect: SOVA004
    return body;
}

int main(void)
{
    static struct server srv;
    srv.port = 8080;
    srv.workers = fut_pool_new(16);
    fut_future *h = fut_submit(srv.workers, handle_conn, &srv);
    fut_free(h);
    return 0;
}
