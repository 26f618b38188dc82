/* uvcat written async all the way: open -> read -> write -> read ... -> close, each step a uv_fs_* call
 * with a callback, chained from the previous step's callback. Why: with a non-NULL callback the file
 * operation runs on the thread pool and the loop callback returns at once: nothing to report. */
#include <fcntl.h>
#include <stdio.h>
#include <uv.h>

static uv_fs_t open_req, read_req, write_req, close_req;
static char buffer[1024];
static uv_buf_t iov;

static void on_read(uv_fs_t *req);

static void on_close(uv_fs_t *req)
{
    uv_fs_req_cleanup(req);
}

static void on_write(uv_fs_t *req)
{
    if (req->result < 0)
        fprintf(stderr, "write error: %s\n", uv_strerror((int)req->result));
    else
        uv_fs_read(req->loop, &read_req, (uv_file)open_req.result, &iov, 1, -1, on_read);
    uv_fs_req_cleanup(req);
}

static void on_read(uv_fs_t *req)
{
    if (req->result < 0) {
        fprintf(stderr, "read error: %s\n", uv_strerror((int)req->result));
    } else if (req->result == 0) {
        uv_fs_close(req->loop, &close_req, (uv_file)open_req.result, on_close);
    } else {
        iov.len = (size_t)req->result;
        uv_fs_write(req->loop, &write_req, 1, &iov, 1, -1, on_write);
    }
    uv_fs_req_cleanup(req);
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

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    if (argc < 2)
        return 2;
    uv_fs_open(loop, &open_req, argv[1], O_RDONLY, 0, on_open);
    uv_run(loop, UV_RUN_DEFAULT);
    uv_fs_req_cleanup(&open_req);
    return 0;
}
