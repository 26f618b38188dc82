/* The same server done right, beside look-alikes. Why each is silent: the timer runs a
 * private base with EVLOOP_NONBLOCK (it only polls); the evhttp handler resolves with
 * EVUTIL_AI_NUMERICHOST, which never touches DNS; the hostname connect goes through an
 * evdns_base; the blocking waitpid and getaddrinfo run in a pthread worker and in main
 * before the loop starts; and a struct of the program's own with a field named 'cb'
 * holds a function that sleeps but is only called from main. */
#include <event2/bufferevent.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/util.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

struct conn {
    pid_t helper;
    struct bufferevent *bev;
    struct evdns_base *dns;
};

struct hook {
    const char *name;
    void (*cb)(evutil_socket_t fd, short what, void *arg);
};

static void settle(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    (void)arg;
    sleep(1);
}

static struct hook hooks[] = { { "settle", settle } };

static void on_tick(evutil_socket_t fd, short what, void *arg)
{
    struct event_base *probe = arg;
    (void)fd;
    (void)what;
    event_base_loop(probe, EVLOOP_NONBLOCK);
}

static void on_request(struct evhttp_request *req, void *arg)
{
    struct evutil_addrinfo hints, *res = NULL;
    (void)arg;
    memset(&hints, 0, sizeof hints);
    hints.ai_flags = EVUTIL_AI_NUMERICHOST;
    if (evutil_getaddrinfo("127.0.0.1", "80", &hints, &res) == 0)
        evutil_freeaddrinfo(res);
    evhttp_send_reply(req, 200, "OK", NULL);
}

static void on_event(struct bufferevent *bev, short what, void *ctx)
{
    struct conn *c = ctx;
    (void)what;
    bufferevent_socket_connect_hostname(bev, c->dns, AF_UNSPEC, "upstream.example", 11211);
    waitpid(c->helper, NULL, WNOHANG);
}

static void *reaper(void *arg)
{
    struct conn *c = arg;
    waitpid(c->helper, NULL, 0);
    return NULL;
}

int main(void)
{
    static struct conn conn;
    struct timeval second = { 1, 0 };
    struct evutil_addrinfo *res = NULL;
    pthread_t t;
    if (evutil_getaddrinfo("upstream.example", "11211", NULL, &res) == 0)
        evutil_freeaddrinfo(res);
    hooks[0].cb(-1, 0, NULL);
    pthread_create(&t, NULL, reaper, &conn);
    struct event_base *base = event_base_new();
    struct event_base *probe = event_base_new();
    conn.dns = evdns_base_new(base, EVDNS_BASE_INITIALIZE_NAMESERVERS);
    struct event *tick = event_new(base, -1, EV_PERSIST, on_tick, probe);
    event_add(tick, &second);
    struct evhttp *http = evhttp_new(base);
    evhttp_set_cb(http, "/resolve", on_request, NULL);
    conn.bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(conn.bev, NULL, NULL, on_event, &conn);
    event_base_dispatch(base);
    pthread_join(t, NULL);
    return 0;
}
