/* A stats timer waits for a sampler thread (uv_sem_t, uv_cond_t), SIGINT meets it at a uv_barrier_t, a close
 * callback joins it. Why: each wait parks the loop thread (SOVA005); the uv_thread_create'd sampler may block
 * (its uv_sleep and barrier wait are not reported), and uv_mutex_lock never is (locks are out of scope). */
#include <stdint.h>
#include <uv.h>

struct sampler {
    uv_thread_t thread;
    uv_sem_t ready;
    uv_mutex_t lock;
    uv_cond_t changed;
    uv_barrier_t stopped;
    uint64_t snapshot;
    volatile int running;
    uv_timer_t timer;
    uv_signal_t sigint;
};

static void sample_thread(void *arg)
{
    struct sampler *s = arg;
    while (s->running) {
        uv_sleep(100);
        uv_mutex_lock(&s->lock);
        s->snapshot++;
        uv_cond_signal(&s->changed);
        uv_mutex_unlock(&s->lock);
        uv_sem_post(&s->ready);
    }
    uv_barrier_wait(&s->stopped);
}

static void on_stats_tick(uv_timer_t *t)
{
    struct sampler *s = t->data;
    uv_sem_wait(&s->ready); // expect: SOVA005
    uv_mutex_lock(&s->lock);
    if (s->snapshot == 0)
        uv_cond_timedwait(&s->changed, &s->lock, 50 * 1000000ULL); // expect: SOVA005
    uv_mutex_unlock(&s->lock);
}

static void on_timer_closed(uv_handle_t *h)
{
    struct sampler *s = h->data;
    uv_thread_join(&s->thread); // expect: SOVA005
}

static void on_sigint(uv_signal_t *sig, int signum)
{
    struct sampler *s = sig->data;
    (void)signum;
    s->running = 0;
    uv_barrier_wait(&s->stopped); // expect: SOVA005
    uv_close((uv_handle_t *)&s->timer, on_timer_closed);
    uv_close((uv_handle_t *)sig, NULL);
}

int main(void)
{
    static struct sampler s = { .running = 1 };
    uv_loop_t *loop = uv_default_loop();
    uv_sem_init(&s.ready, 0);
    uv_mutex_init(&s.lock);
    uv_cond_init(&s.changed);
    uv_barrier_init(&s.stopped, 2);
    uv_thread_create(&s.thread, sample_thread, &s);
    uv_timer_init(loop, &s.timer);
    s.timer.data = &s;
    uv_timer_start(&s.timer, on_stats_tick, 1000, 1000);
    uv_signal_init(loop, &s.sigint);
    s.sigint.data = &s;
    uv_signal_start(&s.sigint, on_sigint, SIGINT);
    return uv_run(loop, UV_RUN_DEFAULT);
}
