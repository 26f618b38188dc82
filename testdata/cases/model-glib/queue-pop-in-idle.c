/* A GUI-style main loop collects results of background threads from a GAsyncQueue in idle/timeout callbacks.
 * Why: g_async_queue_pop (and, bounded, g_async_queue_timeout_pop) blocks the only main-loop thread
 * (SOVA005); g_async_queue_try_pop does not block. */
#include <glib.h>

struct app {
    GMainLoop *loop;
    GAsyncQueue *results;
    guint received;
};

static gboolean collect_result(gpointer user_data)
{
    struct app *app = user_data;
    char *line = g_async_queue_pop(app->results); // expect: SOVA005
    g_print("result: %s\n", line);
    g_free(line);
    app->received++;
    return G_SOURCE_CONTINUE;
}

static gboolean poll_results(gpointer user_data)
{
    struct app *app = user_data;
    char *line = g_async_queue_timeout_pop(app->results, 50 * 1000); // expect: SOVA005
    if (line) {
        app->received++;
        g_free(line);
    }
    return G_SOURCE_CONTINUE;
}

static gboolean drain_results(gpointer user_data)
{
    struct app *app = user_data;
    for (char *line; (line = g_async_queue_try_pop(app->results)) != NULL; g_free(line))
        app->received++;
    if (app->received >= 100)
        g_main_loop_quit(app->loop);
    return G_SOURCE_CONTINUE;
}

static gpointer producer(gpointer data)
{
    struct app *app = data;
    for (int i = 0; i < 100; i++)
        g_async_queue_push(app->results, g_strdup_printf("%d", i));
    return NULL;
}

int main(void)
{
    struct app app = { g_main_loop_new(NULL, FALSE), g_async_queue_new_full(g_free), 0 };
    GThread *t = g_thread_new("producer", producer, &app);
    g_idle_add(collect_result, &app);
    g_timeout_add(20, poll_results, &app);
    g_timeout_add(100, drain_results, &app);
    g_main_loop_run(app.loop);
    g_thread_join(t);
    return 0;
}
