/* A libevent server in memcached's and tmux's shape. Why each result: a timer made
 * with event_new sleeps; the write and event callbacks of a bufferevent (the second and
 * third callbacks of one bufferevent_setcb call) wait for a worker and reap a child; an
 * evhttp handler resolves a name with evutil_getaddrinfo and no hints; a signal event
 * set with the 1.4 API connects by hostname with no evdns_base; and a listener callback
 * runs a private event_base to completion. Each runs on the thread of the base's loop
 * and holds every other connection while it waits (SOVA005). */
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/event_compat.h>
#include <event2/event_struct.h>
#include <event2/http.h>
#include <event2/listener.h>
#include <event2/util.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

struct conn {
    pid_t helper;
    struct bufferevent *bev;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t flushed = PTHREAD_COND_INITIALIZER;
static int have_flushed;
static struct event_base *base;
static struct event sighup;

static void on_tick(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    (void)arg;
    usleep(1000); // expect: SOVA005
}

static void on_read(struct bufferevent *bev, void *ctx)
{
    (void)ctx;
    evbuffer_drain(bufferevent_get_input(bev), 1);
}

static void on_write(struct bufferevent *bev, void *ctx)
{
    (void)bev;
    (void)ctx;
    pthread_mutex_lock(&lock);
    while (!have_flushed)
        pthread_cond_wait(&flushed, &lock); // expect: SOVA005
    pthread_mutex_unlock(&lock);
}

static void on_event(struct bufferevent *bev, short what, void *ctx)
{
    struct conn *c = ctx;
    (void)bev;
    if (what & BEV_EVENT_EOF)
        waitpid(c->helper, NULL, 0); // expect: SOVA005
}

static void on_request(struct evhttp_request *req, void *arg)
{
    struct evutil_addrinfo *res = NULL;
    (void)arg;
    if (evutil_getaddrinfo(evhttp_request_get_host(req), "80", NULL, &res) == 0) // expect: SOVA005
        evutil_freeaddrinfo(res);
    evhttp_send_reply(req, 200, "OK", NULL);
}

static void on_sighup(int fd, short what, void *arg)
{
    struct conn *c = arg;
    (void)fd;
    (void)what;
    bufferevent_socket_connect_hostname(c->bev, NULL, AF_UNSPEC, "upstream.example", 11211); // expect: SOVA005
}

static void drain_probe(void)
{
    struct event_base *probe = event_base_new();
    event_base_dispatch(probe); // expect: SOVA005
    event_base_free(probe);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa, int len, void *ptr)
{
    struct conn *c = ptr;
    (void)l;
    (void)sa;
    (void)len;
    c->bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(c->bev, on_read, on_write, on_event, c);
    drain_probe();
}

int main(void)
{
    static struct conn conn;
    struct timeval second = { 1, 0 };
    base = event_base_new();
    struct event *tick = event_new(base, -1, EV_PERSIST, on_tick, NULL);
    event_add(tick, &second);
    struct evhttp *http = evhttp_new(base);
    evhttp_set_cb(http, "/resolve", on_request, NULL);
    evconnlistener_new(base, on_accept, &conn, LEV_OPT_REUSEABLE, -1, 3);
    event_set(&sighup, SIGHUP, EV_SIGNAL | EV_PERSIST, on_sighup, &conn);
    event_base_set(base, &sighup);
    event_add(&sighup, NULL);
    event_base_dispatch(base);
    return 0;
}
