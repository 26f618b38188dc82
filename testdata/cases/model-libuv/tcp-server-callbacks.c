/* An echo server where each stream callback blocks in its own way: listen, alloc, write, shutdown, close
 * and close-reset callbacks. Why: every one of them runs on the loop thread (SOVA005 at each blocking
 * call); on_read only queues a uv_write and is not reported. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

struct buffer_pool {
    uv_sem_t free_slots;
    uv_mutex_t lock;
    uv_cond_t drained;
    size_t backlog;
};

struct conn {
    uv_tcp_t tcp;
    uv_write_t write_req;
    uv_shutdown_t shutdown_req;
    uv_thread_t tls_thread;
    char session_file[64];
};

static struct buffer_pool pool;
static uv_file access_log = -1;
static uv_file session_log = -1;

static void on_closed(uv_handle_t *h)
{
    struct conn *c = h->data;
    uv_thread_join(&c->tls_thread); // expect: SOVA005
    free(c);
}

static void on_reset_closed(uv_handle_t *h)
{
    struct conn *c = h->data;
    uv_fs_t req;
    uv_fs_unlink(h->loop, &req, c->session_file, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    free(c);
}

static void on_shutdown(uv_shutdown_t *req, int status)
{
    struct conn *c = req->data;
    uv_fs_t sync;
    (void)status;
    uv_fs_fdatasync(req->handle->loop, &sync, session_log, NULL); // expect: SOVA005
    uv_close((uv_handle_t *)&c->tcp, on_closed);
}

static void on_written(uv_write_t *req, int status)
{
    struct conn *c = req->data;
    uv_mutex_lock(&pool.lock);
    pool.backlog--;
    while (pool.backlog > 64)
        uv_cond_wait(&pool.drained, &pool.lock); // expect: SOVA005
    uv_mutex_unlock(&pool.lock);
    if (status < 0)
        uv_tcp_close_reset(&c->tcp, on_reset_closed);
}

static void alloc_from_pool(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)h;
    uv_sem_wait(&pool.free_slots); // expect: SOVA005
    buf->base = malloc(suggested);
    buf->len = buf->base ? suggested : 0;
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    struct conn *c = stream->data;
    if (nread > 0) {
        uv_buf_t out = uv_buf_init(buf->base, (unsigned)nread);
        c->write_req.data = c;
        uv_mutex_lock(&pool.lock);
        pool.backlog++;
        uv_mutex_unlock(&pool.lock);
        uv_write(&c->write_req, stream, &out, 1, on_written);
    } else if (nread == UV_EOF) {
        c->shutdown_req.data = c;
        uv_shutdown(&c->shutdown_req, stream, on_shutdown);
    }
    uv_sem_post(&pool.free_slots);
}

static void tls_thread_main(void *arg)
{
    (void)arg;
}

static void on_connection(uv_stream_t *server, int status)
{
    struct conn *c = calloc(1, sizeof *c);
    uv_fs_t req;
    char line[] = "accept\n";
    uv_buf_t buf = uv_buf_init(line, sizeof line - 1);
    if (status < 0 || c == NULL)
        return;
    uv_fs_write(server->loop, &req, access_log, &buf, 1, -1, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    strcpy(c->session_file, "/run/echo/session");
    uv_tcp_init(server->loop, &c->tcp);
    c->tcp.data = c;
    uv_thread_create(&c->tls_thread, tls_thread_main, c);
    if (uv_accept(server, (uv_stream_t *)&c->tcp) == 0)
        uv_read_start((uv_stream_t *)&c->tcp, alloc_from_pool, on_read);
}

int main(void)
{
    uv_loop_t loop;
    uv_tcp_t server;
    uv_fs_t o1, o2;
    struct sockaddr_in addr;
    uv_loop_init(&loop);
    uv_sem_init(&pool.free_slots, 32);
    uv_mutex_init(&pool.lock);
    uv_cond_init(&pool.drained);
    access_log = uv_fs_open(&loop, &o1, "access.log", O_WRONLY | O_APPEND | O_CREAT, 0644, NULL);
    session_log = uv_fs_open(&loop, &o2, "session.log", O_WRONLY | O_APPEND | O_CREAT, 0644, NULL);
    uv_ip4_addr("0.0.0.0", 7003, &addr);
    uv_tcp_init(&loop, &server);
    uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    uv_listen((uv_stream_t *)&server, 128, on_connection);
    uv_run(&loop, UV_RUN_DEFAULT);
    return uv_loop_close(&loop);
}
