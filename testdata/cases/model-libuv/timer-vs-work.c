/* The same cache refresh written twice: as a uv_timer callback and as uv_queue_work's work_cb. Each sleeps,
 * waits on a uv_sem_t, runs a private loop with uv_run and reads with a synchronous uv_fs_read. Why: on the
 * loop thread all four are SOVA005; on the thread pool none is reported (generic blocking belongs there). */
#include <fcntl.h>
#include <unistd.h>
#include <uv.h>

struct cache {
    uv_sem_t fill_permit;
    uv_loop_t fetch_loop;
    uv_file backing_fd;
    char page[4096];
    uv_work_t work;
    uv_timer_t timer;
};

static void refresh_on_timer(uv_timer_t *t)
{
    struct cache *c = t->data;
    uv_fs_t req;
    uv_buf_t buf = uv_buf_init(c->page, sizeof c->page);
    sleep(1); // expect: SOVA005
    uv_sem_wait(&c->fill_permit); // expect: SOVA005
    uv_run(&c->fetch_loop, UV_RUN_DEFAULT); // expect: SOVA005
    uv_fs_read(t->loop, &req, c->backing_fd, &buf, 1, 0, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    uv_sem_post(&c->fill_permit);
}

static void refresh_on_pool(uv_work_t *w)
{
    struct cache *c = w->data;
    uv_fs_t req;
    uv_buf_t buf = uv_buf_init(c->page, sizeof c->page);
    sleep(1);
    uv_sem_wait(&c->fill_permit);
    uv_run(&c->fetch_loop, UV_RUN_DEFAULT);
    uv_fs_read(w->loop, &req, c->backing_fd, &buf, 1, 0, NULL);
    uv_fs_req_cleanup(&req);
    uv_sem_post(&c->fill_permit);
}

static void refreshed(uv_work_t *w, int status)
{
    struct cache *c = w->data;
    (void)status;
    uv_timer_again(&c->timer);
}

int main(int argc, char **argv)
{
    static struct cache c;
    uv_loop_t *loop = uv_default_loop();
    uv_fs_t open_req;
    (void)argv;
    uv_sem_init(&c.fill_permit, 1);
    uv_loop_init(&c.fetch_loop);
    c.backing_fd = uv_fs_open(loop, &open_req, "cache.db", O_RDONLY, 0, NULL);
    uv_fs_req_cleanup(&open_req);
    uv_timer_init(loop, &c.timer);
    c.timer.data = &c;
    c.work.data = &c;
    if (argc > 1)
        uv_timer_start(&c.timer, refresh_on_timer, 0, 10000);
    else
        uv_queue_work(loop, &c.work, refresh_on_pool, refreshed);
    return uv_run(loop, UV_RUN_DEFAULT);
}
