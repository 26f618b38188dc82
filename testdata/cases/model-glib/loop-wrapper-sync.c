/* GLib's form of .Result: functions that start async work and then run a loop until
 * the work's callback stops it. Why each result: my_load_sync, exported and reached
 * from no async context, hides the wait from every caller (SOVA003, the start and the
 * loop as related locations); refresh_sync does the same on a pool thread, holding it
 * while the awaited work waits (SOVA001); confirm_sync runs its loop inside an idle
 * callback, dispatching the outer loop's callbacks under it (SOVA005); proxy_init is
 * static, but it is the GInitable method the interface's init field holds, which
 * g_initable_init and so every g_initable_new caller reach (SOVA003, GDBusProxy's shape). */
#include <gio/gio.h>

struct pending {
    GMainLoop *loop;
    GBytes *bytes;
};

static void loaded(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct pending *p = user_data;
    p->bytes = g_file_load_bytes_finish(G_FILE(source), res, NULL, NULL);
    g_main_loop_quit(p->loop);
}

GBytes *my_load_sync(GFile *file)
{
    GMainContext *ctx = g_main_context_new();
    struct pending p = { g_main_loop_new(ctx, FALSE), NULL };
    g_main_context_push_thread_default(ctx);
    g_file_load_bytes_async(file, NULL, loaded, &p);
    g_main_loop_run(p.loop); // expect: SOVA003
    g_main_context_pop_thread_default(ctx);
    g_main_loop_unref(p.loop);
    g_main_context_unref(ctx);
    return p.bytes;
}

static void refreshed(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GMainLoop *loop = user_data;
    g_object_unref(g_file_query_info_finish(G_FILE(source), res, NULL));
    g_main_loop_quit(loop);
}

static void refresh_sync(GFile *file)
{
    GMainContext *ctx = g_main_context_new();
    GMainLoop *loop = g_main_loop_new(ctx, FALSE);
    g_main_context_push_thread_default(ctx);
    g_file_query_info_async(file, "*", 0, G_PRIORITY_DEFAULT, NULL, refreshed, loop);
    g_main_loop_run(loop); // expect: SOVA001
    g_main_context_pop_thread_default(ctx);
}

static void refresh_task(gpointer data, gpointer pool_data)
{
    (void)pool_data;
    refresh_sync(data);
}

static gboolean answered(gpointer user_data)
{
    struct pending *p = user_data;
    g_main_loop_quit(p->loop);
    return G_SOURCE_REMOVE;
}

static void confirm_sync(void)
{
    struct pending p = { g_main_loop_new(NULL, FALSE), NULL };
    g_timeout_add(500, answered, &p);
    g_main_loop_run(p.loop); // expect: SOVA005
}

static gboolean on_idle(gpointer user_data)
{
    (void)user_data;
    confirm_sync();
    return G_SOURCE_REMOVE;
}

static gboolean proxy_init(GInitable *initable, GCancellable *cancellable, GError **error)
{
    struct pending p = { g_main_loop_new(NULL, FALSE), NULL };
    (void)initable;
    (void)error;
    g_file_load_bytes_async(g_file_new_for_path("/etc/proxy"), cancellable, loaded, &p);
    g_main_loop_run(p.loop); // expect: SOVA003
    return p.bytes != NULL;
}

void proxy_initable_iface_init(GInitableIface *iface)
{
    iface->init = proxy_init;
}

int main(void)
{
    GFile *file = g_file_new_for_path("/tmp/report");
    GThreadPool *pool = g_thread_pool_new(refresh_task, NULL, 4, FALSE, NULL);
    g_thread_pool_push(pool, file, NULL);
    g_idle_add(on_idle, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
