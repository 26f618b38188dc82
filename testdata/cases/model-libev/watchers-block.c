/* A libev proxy in sniproxy's shape. Why each result: the io watcher of a connection
 * (ev_io_init on a struct member) resolves the backend with getaddrinfo; a timer (ev_init
 * then ev_set_cb) pauses with ev_sleep; the signal watcher runs a private loop to
 * completion; and an ev_once callback reaps a child without WNOHANG. Every watcher's
 * callback runs on the thread running ev_run and holds the whole loop (SOVA005). */
#include <ev.h>
#include <netdb.h>
#include <signal.h>
#include <stddef.h>
#include <sys/wait.h>

struct conn {
    ev_io io;
    pid_t helper;
};

static void on_readable(struct ev_loop *loop, ev_io *w, int revents)
{
    struct addrinfo *res = NULL;
    (void)loop;
    (void)w;
    (void)revents;
    if (getaddrinfo("backend.example", "443", NULL, &res) == 0) // expect: SOVA005
        freeaddrinfo(res);
}

static void on_tick(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)loop;
    (void)w;
    (void)revents;
    ev_sleep(0.5); // expect: SOVA005
}

static void on_hup(struct ev_loop *loop, ev_signal *w, int revents)
{
    struct ev_loop *probe = ev_loop_new(EVFLAG_AUTO);
    (void)loop;
    (void)w;
    (void)revents;
    ev_run(probe, 0); // expect: SOVA005
    ev_loop_destroy(probe);
}

static void on_once(int revents, void *arg)
{
    struct conn *c = arg;
    (void)revents;
    waitpid(c->helper, NULL, 0); // expect: SOVA005
}

int main(void)
{
    static struct conn conn;
    ev_timer tick;
    ev_signal hup;
    struct ev_loop *loop = EV_DEFAULT;
    ev_io_init(&conn.io, on_readable, 0, EV_READ);
    ev_io_start(loop, &conn.io);
    ev_init(&tick, on_tick);
    ev_timer_set(&tick, 1., 1.);
    ev_timer_start(loop, &tick);
    ev_signal_init(&hup, on_hup, SIGHUP);
    ev_signal_start(loop, &hup);
    ev_once(loop, -1, 0, 2., on_once, &conn);
    ev_run(loop, 0);
    return 0;
}
