/* Threads that wake the loop before they end, and a callback another
 * caller can wake: the loop callback's uv_thread_join waits for the rest
 * of the thread (SOVA005). Beside thread-end-wakes-loop.c, where the wake
 * is the thread's last act and the join is silent. */
#include <unistd.h>
#include <uv.h>

/* The wake comes first, then a second of work. */
typedef struct {
    uv_thread_t tid;
    uv_async_t done;
} flusher;

static void flusher_main(void *arg)
{
    flusher *f = arg;
    uv_async_send(&f->done);
    sleep(1);
}

static void on_flushed(uv_async_t *async)
{
    flusher *f = async->data;
    uv_thread_join(&f->tid); // expect: SOVA005
}

int flusher_start(uv_loop_t *loop, flusher *f)
{
    f->done.data = f;
    uv_async_init(loop, &f->done, on_flushed);
    return uv_thread_create(&f->tid, flusher_main, f);
}

/* The wake is last, but an early return skips it. */
typedef struct {
    uv_thread_t tid;
    uv_async_t ready;
    int fd;
} reader;

static void reader_main(void *arg)
{
    reader *r = arg;
    char buf[64];
    if (read(r->fd, buf, sizeof(buf)) <= 0)
        return;
    uv_async_send(&r->ready);
}

static void on_ready(uv_async_t *async)
{
    reader *r = async->data;
    uv_thread_join(&r->tid); // expect: SOVA005
}

int reader_start(uv_loop_t *loop, reader *r)
{
    r->ready.data = r;
    uv_async_init(loop, &r->ready, on_ready);
    return uv_thread_create(&r->tid, reader_main, r);
}

/* The thread ends with the wake, but the loop wakes the callback too. */
typedef struct {
    uv_thread_t tid;
    uv_async_t kick;
} kicker;

static void kicker_main(void *arg)
{
    kicker *k = arg;
    sleep(5);
    uv_async_send(&k->kick);
}

static void on_kick(uv_async_t *async)
{
    kicker *k = async->data;
    uv_thread_join(&k->tid); // expect: SOVA005
}

static void on_timer(uv_timer_t *t)
{
    kicker *k = t->data;
    uv_async_send(&k->kick);
}

int kicker_start(uv_loop_t *loop, kicker *k, uv_timer_t *t)
{
    k->kick.data = k;
    t->data = k;
    uv_async_init(loop, &k->kick, on_kick);
    uv_timer_start(t, on_timer, 100, 0);
    return uv_thread_create(&k->tid, kicker_main, k);
}
