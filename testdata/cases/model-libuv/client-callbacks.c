/* A client resolves its server with uv_getaddrinfo, connects over TCP, then hands the socket to a local
 * agent over a pipe with uv_write2. Why: the getaddrinfo, connect, pipe-connect and write2 callbacks all
 * run on the loop thread, so each blocking call in them is SOVA005. */
#include <fcntl.h>
#include <stdlib.h>
#include <uv.h>

struct client {
    uv_loop_t *loop;
    uv_getaddrinfo_t resolve;
    uv_connect_t connect_req;
    uv_connect_t agent_req;
    uv_write_t handoff_req;
    uv_tcp_t tcp;
    uv_pipe_t agent;
    uv_mutex_t lock;
    uv_cond_t acked;
    int ack;
    char token[128];
};

static void on_handoff_sent(uv_write_t *req, int status)
{
    struct client *cl = req->data;
    if (status < 0)
        return;
    uv_mutex_lock(&cl->lock);
    if (!cl->ack)
        uv_cond_timedwait(&cl->acked, &cl->lock, 2000000000ULL); // expect: SOVA005
    uv_mutex_unlock(&cl->lock);
}

static void on_agent_connected(uv_connect_t *req, int status)
{
    struct client *cl = req->data;
    uv_fs_t open_req, read_req;
    uv_buf_t tok = uv_buf_init(cl->token, sizeof cl->token);
    char hello[] = "fd";
    uv_buf_t msg = uv_buf_init(hello, sizeof hello - 1);
    if (status < 0)
        return;
    int fd = uv_fs_open(cl->loop, &open_req, "/run/agent.token", O_RDONLY, 0, NULL); // expect: SOVA005
    uv_fs_read(cl->loop, &read_req, fd, &tok, 1, 0, NULL); // expect: SOVA005
    cl->handoff_req.data = cl;
    uv_write2(&cl->handoff_req, (uv_stream_t *)&cl->agent, &msg, 1, (uv_stream_t *)&cl->tcp, on_handoff_sent);
}

static void on_connected(uv_connect_t *req, int status)
{
    struct client *cl = req->data;
    if (status < 0)
        return;
    uv_sleep(50); // expect: SOVA005
    uv_pipe_init(cl->loop, &cl->agent, 1);
    cl->agent_req.data = cl;
    uv_pipe_connect(&cl->agent_req, &cl->agent, "/run/agent.sock", on_agent_connected);
}

static void on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    struct client *cl = req->data;
    uv_fs_t cache;
    if (status < 0)
        return;
    uv_fs_utime(cl->loop, &cache, "/var/cache/client.dns", 0.0, 0.0, NULL); // expect: SOVA005
    uv_tcp_init(cl->loop, &cl->tcp);
    cl->connect_req.data = cl;
    uv_tcp_connect(&cl->connect_req, &cl->tcp, res->ai_addr, on_connected);
    uv_freeaddrinfo(res);
}

int main(void)
{
    static struct client cl;
    cl.loop = uv_default_loop();
    uv_mutex_init(&cl.lock);
    uv_cond_init(&cl.acked);
    cl.resolve.data = &cl;
    uv_getaddrinfo(cl.loop, &cl.resolve, on_resolved, "db.example.com", "5432", NULL);
    return uv_run(cl.loop, UV_RUN_DEFAULT);
}
