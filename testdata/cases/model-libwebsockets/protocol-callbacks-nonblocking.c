/* The same server done right, beside two look-alikes. The websocket callback reaps with
 * WNOHANG, a reaper thread does the blocking waitpid, main sleeps before the service loop
 * starts, and a struct of the program's own with a field also named 'callback' holds a
 * function that blocks but is only ever called from main. Why: only functions stored in
 * 'struct lws_protocols' .callback (or scheduled with lws_sul_schedule) run on the lws
 * loop; a field name alone proves nothing: all silent. */
#include <libwebsockets.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

struct session {
    pid_t child;
};

struct plugin {
    const char *name;
    int (*callback)(void *arg);
};

static int reload_plugins(void *arg)
{
    (void)arg;
    sleep(2);
    return 0;
}

static struct plugin plugins[] = { { "reload", reload_plugins } };

static void *reaper(void *arg)
{
    int status;
    (void)arg;
    while (waitpid(-1, &status, 0) > 0)
        ;
    return NULL;
}

static int callback_term(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
    struct session *s = user;
    int status;
    (void)wsi;
    (void)in;
    (void)len;
    if (reason == LWS_CALLBACK_CLOSED && waitpid(s->child, &status, WNOHANG) == 0)
        lwsl_notice("child %d still running, the reaper collects it\n", (int)s->child);
    return 0;
}

static const struct lws_protocols protocols[] = {
    { "tty", callback_term, sizeof(struct session), 0 },
    { NULL, NULL, 0, 0 },
};

int main(void)
{
    pthread_t tid;
    struct lws_context_creation_info info = { 0 };
    plugins[0].callback(NULL);
    sleep(1); /* let the terminal settle before listening: before the loop runs */
    if (pthread_create(&tid, NULL, reaper, NULL) != 0)
        return 1;
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
