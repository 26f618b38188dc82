/* read_chunk() forwards its uv_fs_cb parameter to uv_fs_read, and a read callback calls it with a real
 * callback. Why: a callback argument that is not a NULL constant never selects the synchronous form,
 * so nothing is reported (sova stays quiet rather than guess). */
#include <fcntl.h>
#include <stdlib.h>
#include <uv.h>

struct upload {
    uv_fs_t read_req;
    uv_file fd;
    int64_t offset;
    char data[8192];
    uv_buf_t buf;
};

static int read_chunk(uv_loop_t *loop, struct upload *u, uv_fs_cb cb)
{
    u->buf = uv_buf_init(u->data, sizeof u->data);
    u->read_req.data = u;
    return uv_fs_read(loop, &u->read_req, u->fd, &u->buf, 1, u->offset, cb);
}

static void on_chunk(uv_fs_t *req)
{
    struct upload *u = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    if (n > 0) {
        u->offset += n;
        read_chunk(req->loop, u, on_chunk);
    }
}

static void on_opened(uv_fs_t *req)
{
    struct upload *u = req->data;
    u->fd = (uv_file)req->result;
    uv_fs_req_cleanup(req);
    if (u->fd >= 0)
        read_chunk(req->loop, u, on_chunk);
}

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    static struct upload u;
    uv_fs_t open_req;
    if (argc < 2)
        return 2;
    open_req.data = &u;
    uv_fs_open(loop, &open_req, argv[1], O_RDONLY, 0, on_opened);
    return uv_run(loop, UV_RUN_DEFAULT);
}
