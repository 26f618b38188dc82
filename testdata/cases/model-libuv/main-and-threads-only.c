/* All blocking happens before the loop starts, in a uv_walk callback run from main, or on a dedicated
 * uv_thread_create thread that runs its own private loop. Why: none of these is a loop callback or a pool
 * task of an outer loop: no result, even for uv_run, uv_sem_wait or uv_fs_* with a NULL callback. */
#include <fcntl.h>
#include <uv.h>

static uv_sem_t started;

static void close_walk(uv_handle_t *h, void *arg)
{
    uv_fs_t req;
    uv_file *log_fd = arg;
    if (!uv_is_closing(h))
        uv_close(h, NULL);
    uv_fs_fsync(h->loop, &req, *log_fd, NULL);
    uv_fs_req_cleanup(&req);
}

static void on_private_tick(uv_timer_t *t)
{
    uv_stop(t->loop);
}

static void io_thread(void *arg)
{
    uv_loop_t private_loop;
    uv_timer_t tick;
    (void)arg;
    uv_loop_init(&private_loop);
    uv_timer_init(&private_loop, &tick);
    uv_timer_start(&tick, on_private_tick, 10, 0);
    uv_sem_post(&started);
    uv_run(&private_loop, UV_RUN_DEFAULT);
    uv_close((uv_handle_t *)&tick, NULL);
    uv_run(&private_loop, UV_RUN_NOWAIT);
    uv_loop_close(&private_loop);
}

static int load_settings(uv_loop_t *loop, char *out, unsigned cap)
{
    uv_fs_t open_req, read_req;
    uv_buf_t buf = uv_buf_init(out, cap);
    int fd = uv_fs_open(loop, &open_req, "/etc/app.conf", O_RDONLY, 0, NULL);
    if (fd < 0)
        return fd;
    return uv_fs_read(loop, &read_req, fd, &buf, 1, 0, NULL);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_thread_t tid;
    uv_fs_t log_req;
    char settings[1024];
    uv_file log_fd;
    if (load_settings(loop, settings, sizeof settings) < 0)
        return 1;
    log_fd = uv_fs_open(loop, &log_req, "app.log", O_WRONLY | O_CREAT | O_APPEND, 0644, NULL);
    uv_sem_init(&started, 0);
    uv_thread_create(&tid, io_thread, NULL);
    uv_sem_wait(&started);
    uv_sleep(10);
    uv_run(loop, UV_RUN_DEFAULT);
    uv_walk(loop, close_walk, &log_fd);
    uv_run(loop, UV_RUN_DEFAULT);
    uv_thread_join(&tid);
    return uv_loop_close(loop);
}
