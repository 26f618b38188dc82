/* Thumbnail jobs on uv_queue_work: work_cb reads with synchronous uv_fs_* calls, resolves with a synchronous
 * uv_getaddrinfo, waits on a uv_sem_t and sleeps between retries. Why: the pool exists to absorb generic
 * blocking, so nothing is reported; after_work_cb, on the loop, does not block. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

struct thumb_job {
    uv_work_t req;
    const char *path;
    char pixels[4096];
    ssize_t size;
    int status;
};

static uv_sem_t upload_tokens;

static ssize_t load_image(uv_loop_t *loop, const char *path, char *out, size_t cap)
{
    uv_fs_t open_req, read_req, close_req;
    uv_buf_t buf = uv_buf_init(out, (unsigned)cap);
    int fd = uv_fs_open(loop, &open_req, path, O_RDONLY, 0, NULL);
    uv_fs_req_cleanup(&open_req);
    if (fd < 0)
        return fd;
    ssize_t n = uv_fs_read(loop, &read_req, fd, &buf, 1, 0, NULL);
    uv_fs_req_cleanup(&read_req);
    uv_fs_close(loop, &close_req, fd, NULL);
    return n;
}

static int upload(uv_loop_t *loop, const char *pixels, ssize_t size)
{
    uv_getaddrinfo_t dns;
    (void)pixels;
    uv_sem_wait(&upload_tokens);
    for (int attempt = 0; attempt < 3; attempt++) {
        if (uv_getaddrinfo(loop, &dns, NULL, "cdn.example.com", "443", NULL) == 0) {
            uv_freeaddrinfo(dns.addrinfo);
            return size > 0 ? 0 : -1;
        }
        sleep(1 << attempt);
    }
    return -1;
}

static void make_thumbnail(uv_work_t *req)
{
    struct thumb_job *job = req->data;
    job->size = load_image(req->loop, job->path, job->pixels, sizeof job->pixels);
    job->status = job->size < 0 ? (int)job->size : upload(req->loop, job->pixels, job->size);
}

static void thumbnail_done(uv_work_t *req, int status)
{
    struct thumb_job *job = req->data;
    if (status == UV_ECANCELED || job->status != 0)
        job->status = -1;
    uv_sem_post(&upload_tokens);
    free(job);
}

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    uv_sem_init(&upload_tokens, 2);
    for (int i = 1; i < argc; i++) {
        struct thumb_job *job = calloc(1, sizeof *job);
        job->path = argv[i];
        job->req.data = job;
        uv_queue_work(loop, &job->req, make_thumbnail, thumbnail_done);
    }
    return uv_run(loop, UV_RUN_DEFAULT);
}
