/* A GLib daemon whose SIGTERM-style quit idle callback drains the encoder pool with wait_ = TRUE.
 * Why: g_thread_pool_free(pool, FALSE, TRUE) is a wait for the pool's tasks: on the main loop it stalls every
 * other source until the encoders finish (SOVA001, a future-like wait in a loop context). */
#include <glib.h>

struct daemon {
    GMainLoop *loop;
    GThreadPool *encoders;
};

static void encode_chunk(gpointer data, gpointer user_data)
{
    GBytes *chunk = data;
    (void)user_data;
    gsize len;
    const guchar *raw = g_bytes_get_data(chunk, &len);
    char *b64 = g_base64_encode(raw, len);
    g_free(b64);
    g_bytes_unref(chunk);
}

static gboolean on_quit(gpointer user_data)
{
    struct daemon *d = user_data;
    g_thread_pool_free(d->encoders, FALSE, TRUE); // expect: SOVA001
    d->encoders = NULL;
    g_main_loop_quit(d->loop);
    return G_SOURCE_REMOVE;
}

static gboolean on_tick(gpointer user_data)
{
    struct daemon *d = user_data;
    static const char payload[] = "sample";
    g_thread_pool_push(d->encoders, g_bytes_new_static(payload, sizeof payload), NULL);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    struct daemon d;
    d.loop = g_main_loop_new(NULL, FALSE);
    d.encoders = g_thread_pool_new(encode_chunk, NULL, 4, FALSE, NULL);
    g_timeout_add(100, on_tick, &d);
    g_timeout_add_seconds(5, (GSourceFunc)on_quit, &d);
    g_main_loop_run(d.loop);
    g_main_loop_unref(d.loop);
    return 0;
}
