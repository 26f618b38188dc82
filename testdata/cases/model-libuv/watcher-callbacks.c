/* A config-watching daemon: prepare, poll, signal (repeating and one-shot), fs_event, fs_poll and async
 * callbacks each block. Why: all of these watchers call back on the loop thread (SOVA005 at each blocking
 * call); the flusher thread from uv_thread_create may wait on its condition variable freely. */
#include <fcntl.h>
#include <stdlib.h>
#include <uv.h>

struct daemon {
    uv_loop_t *loop;
    uv_prepare_t pacer;
    uv_poll_t ext;
    uv_signal_t hup, term;
    uv_fs_event_t conf_watch;
    uv_fs_poll_t data_poll;
    uv_async_t wake;
    uv_thread_t flusher;
    uv_mutex_t lock;
    uv_cond_t flushed;
    int flush_done;
    int ext_fd;
    char conf[4096];
};

static struct daemon d;

static void on_prepare(uv_prepare_t *h)
{
    (void)h;
    uv_sleep(1); // expect: SOVA005
}

static void on_ext_readable(uv_poll_t *h, int status, int events)
{
    uv_fs_t req;
    char chunk[512];
    uv_buf_t buf = uv_buf_init(chunk, sizeof chunk);
    if (status < 0 || !(events & UV_READABLE))
        return;
    uv_fs_read(h->loop, &req, d.ext_fd, &buf, 1, -1, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
}

static void on_hup(uv_signal_t *h, int signum)
{
    uv_fs_t req;
    (void)signum;
    int fd = uv_fs_open(h->loop, &req, "/etc/daemon.conf", O_RDONLY, 0, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    if (fd >= 0)
        d.ext_fd = fd;
}

static void on_term(uv_signal_t *h, int signum)
{
    (void)signum;
    uv_async_send(&d.wake);
    uv_thread_join(&d.flusher); // expect: SOVA005
    uv_stop(h->loop);
}

static void on_conf_changed(uv_fs_event_t *h, const char *filename, int events, int status)
{
    uv_fs_t req;
    (void)events;
    if (status == 0 && filename != NULL)
        uv_fs_lstat(h->loop, &req, filename, NULL); // expect: SOVA005
}

static void on_data_changed(uv_fs_poll_t *h, int status, const uv_stat_t *prev, const uv_stat_t *curr)
{
    uv_fs_t req;
    (void)prev;
    if (status == 0 && curr->st_size > 0)
        uv_fs_copyfile(h->loop, &req, "/var/lib/daemon/data", "/var/lib/daemon/data.bak", 0, NULL); // expect: SOVA005
}

static void on_wake(uv_async_t *h)
{
    (void)h;
    uv_mutex_lock(&d.lock);
    while (!d.flush_done)
        uv_cond_wait(&d.flushed, &d.lock); // expect: SOVA005
    uv_mutex_unlock(&d.lock);
}

static void flusher_main(void *arg)
{
    struct daemon *dm = arg;
    uv_mutex_lock(&dm->lock);
    while (!dm->flush_done)
        uv_cond_wait(&dm->flushed, &dm->lock);
    uv_mutex_unlock(&dm->lock);
}

int main(void)
{
    d.loop = uv_loop_new();
    uv_mutex_init(&d.lock);
    uv_cond_init(&d.flushed);
    uv_thread_create(&d.flusher, flusher_main, &d);
    uv_prepare_init(d.loop, &d.pacer);
    uv_prepare_start(&d.pacer, on_prepare);
    uv_poll_init(d.loop, &d.ext, 0);
    uv_poll_start(&d.ext, UV_READABLE, on_ext_readable);
    uv_signal_init(d.loop, &d.hup);
    uv_signal_start(&d.hup, on_hup, SIGHUP);
    uv_signal_init(d.loop, &d.term);
    uv_signal_start_oneshot(&d.term, on_term, SIGTERM);
    uv_fs_event_init(d.loop, &d.conf_watch);
    uv_fs_event_start(&d.conf_watch, on_conf_changed, "/etc/daemon.conf", 0);
    uv_fs_poll_init(d.loop, &d.data_poll);
    uv_fs_poll_start(&d.data_poll, on_data_changed, "/var/lib/daemon/data", 2000);
    uv_async_init(d.loop, &d.wake, on_wake);
    uv_run(d.loop, UV_RUN_DEFAULT);
    uv_loop_delete(d.loop);
    return 0;
}
