/* The same proxy done right, beside look-alikes. Why each is silent: the io watcher
 * resolves with AI_NUMERICHOST; the timer polls a private loop with EVRUN_NOWAIT; the
 * blocking lookup and a sleep run in a pthread worker, whose last act, ev_async_send,
 * wakes the async watcher that joins it (the thread is at its end); main resolves before
 * ev_run starts; and a struct of the program's own with a field named 'cb' holds a
 * function that sleeps but is only called from main. */
#include <ev.h>
#include <netdb.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

struct hook {
    const char *name;
    void (*cb)(void);
};

static void settle(void)
{
    sleep(1);
}

static struct hook hooks[] = { { "settle", settle } };
static pthread_t resolver;
static ev_async resolved;
static struct ev_loop *probe;

static void *resolve_backend(void *arg)
{
    struct addrinfo *res = NULL;
    (void)arg;
    sleep(1);
    if (getaddrinfo("backend.example", "443", NULL, &res) == 0)
        freeaddrinfo(res);
    ev_async_send(EV_DEFAULT, &resolved);
    return NULL;
}

static void on_resolved(struct ev_loop *loop, ev_async *w, int revents)
{
    (void)loop;
    (void)w;
    (void)revents;
    pthread_join(resolver, NULL);
}

static void on_readable(struct ev_loop *loop, ev_io *w, int revents)
{
    struct addrinfo hints, *res = NULL;
    (void)loop;
    (void)w;
    (void)revents;
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo("127.0.0.1", "443", &hints, &res) == 0)
        freeaddrinfo(res);
}

static void on_tick(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)w;
    (void)revents;
    ev_run(probe, EVRUN_NOWAIT);
}

int main(void)
{
    ev_io io;
    ev_timer tick;
    struct addrinfo *res = NULL;
    struct ev_loop *loop = EV_DEFAULT;
    if (getaddrinfo("backend.example", "443", NULL, &res) == 0)
        freeaddrinfo(res);
    hooks[0].cb();
    probe = ev_loop_new(EVFLAG_AUTO);
    ev_async_init(&resolved, on_resolved);
    ev_async_start(loop, &resolved);
    pthread_create(&resolver, NULL, resolve_backend, NULL);
    ev_io_init(&io, on_readable, 0, EV_READ);
    ev_io_start(loop, &io);
    ev_timer_init(&tick, on_tick, 1., 1.);
    ev_timer_start(loop, &tick);
    ev_run(loop, 0);
    return 0;
}
