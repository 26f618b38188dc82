/* uvcat with callbacks, except that on EOF on_read closes the file synchronously (NULL callback) as libuv's
 * own uvcat example does, and an audit timer stats and fsyncs synchronously. Why: a uv_fs_* call with a NULL
 * callback runs on the loop thread (SOVA005); the synchronous uv_fs_open in main is not reported. */
#include <fcntl.h>
#include <stdio.h>
#include <uv.h>

static uv_fs_t open_req, read_req, write_req;
static char buffer[1024];
static uv_buf_t iov;
static uv_file audit_fd = -1;

static void on_read(uv_fs_t *req);

static void on_write(uv_fs_t *req)
{
    if (req->result < 0)
        fprintf(stderr, "write error: %s\n", uv_strerror((int)req->result));
    else
        uv_fs_read(req->loop, &read_req, (uv_file)open_req.result, &iov, 1, -1, on_read);
}

static void on_read(uv_fs_t *req)
{
    if (req->result < 0) {
        fprintf(stderr, "read error: %s\n", uv_strerror((int)req->result));
    } else if (req->result == 0) {
        uv_fs_t close_req;
        uv_fs_close(req->loop, &close_req, (uv_file)open_req.result, NULL); // expect: SOVA005
    } else {
        iov.len = (size_t)req->result;
        uv_fs_write(req->loop, &write_req, 1, &iov, 1, -1, on_write);
    }
}

static void on_open(uv_fs_t *req)
{
    if (req->result >= 0) {
        iov = uv_buf_init(buffer, sizeof buffer);
        uv_fs_read(req->loop, &read_req, (uv_file)req->result, &iov, 1, -1, on_read);
    } else {
        fprintf(stderr, "open error: %s\n", uv_strerror((int)req->result));
    }
}

static void on_audit_tick(uv_timer_t *t)
{
    uv_fs_t st, sync;
    if (uv_fs_stat(t->loop, &st, "/var/log/uvcat.audit", NULL) == 0) // expect: SOVA005
        uv_fs_fsync(t->loop, &sync, audit_fd, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&st);
}

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    uv_fs_t audit_open;
    uv_timer_t audit;
    if (argc < 2)
        return 2;
    audit_fd = uv_fs_open(loop, &audit_open, "/var/log/uvcat.audit", O_WRONLY | O_APPEND | O_CREAT, 0644, NULL);
    uv_fs_open(loop, &open_req, argv[1], O_RDONLY, 0, on_open);
    uv_timer_init(loop, &audit);
    uv_timer_start(&audit, on_audit_tick, 5000, 5000);
    uv_run(loop, UV_RUN_DEFAULT);
    uv_fs_req_cleanup(&open_req);
    uv_fs_req_cleanup(&read_req);
    uv_fs_req_cleanup(&write_req);
    return 0;
}
