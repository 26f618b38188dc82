/* A libwebsockets terminal server in ttyd's shape: the protocol table (positional and
 * designated initializers) registers the callbacks lws calls on its service loop. Why:
 * the websocket callback reaps a child without WNOHANG behind a helper, the HTTP one
 * sleeps, and a sorted-usec-list timer callback waits on a condition variable: each holds
 * every other connection of the loop (SOVA005). */
#include <libwebsockets.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

struct session {
    pid_t child;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int have_ready;
static lws_sorted_usec_list_t heartbeat;

static void session_end(struct session *s)
{
    kill(s->child, SIGHUP);
    waitpid(s->child, NULL, 0); // expect: SOVA005
}

static int callback_term(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    struct session *s = user;
    (void)wsi;
    (void)in;
    (void)len;
    if (reason == LWS_CALLBACK_CLOSED)
        session_end(s);
    return 0;
}

static int callback_http(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    (void)wsi;
    (void)user;
    (void)in;
    (void)len;
    if (reason == LWS_CALLBACK_HTTP)
        sleep(1); // expect: SOVA005
    return 0;
}

static void on_heartbeat(lws_sorted_usec_list_t *sul)
{
    (void)sul;
    pthread_mutex_lock(&lock);
    while (!have_ready)
        pthread_cond_wait(&ready, &lock); // expect: SOVA005
    pthread_mutex_unlock(&lock);
}

static int callback_admin(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    (void)user;
    (void)in;
    (void)len;
    if (reason == LWS_CALLBACK_ESTABLISHED)
        lws_sul_schedule(lws_get_context(wsi), 0, &heartbeat, on_heartbeat, 5 * LWS_US_PER_SEC);
    return 0;
}

static const struct lws_protocols protocols[] = {
    { "http-only", callback_http, 0, 0 },
    { "tty", callback_term, sizeof(struct session), 0 },
    { .name = "admin", .callback = callback_admin },
    { NULL, NULL, 0, 0 },
};

int main(void)
{
    struct lws_context_creation_info info = { 0 };
    info.port = 7681;
    info.protocols = protocols;
    struct lws_context *context = lws_create_context(&info);
    if (!context)
        return 1;
    while (lws_service(context, 0) >= 0)
        ;
    lws_context_destroy(context);
    return 0;
}
