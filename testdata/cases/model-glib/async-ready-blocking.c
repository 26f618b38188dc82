/* GAsyncReadyCallbacks of GIO *_async calls (and of a GTask) that continue with the blocking *_sync call.
 * Why: these callbacks run on the caller's thread-default main context; a synchronous read, D-Bus call or
 * subprocess wait there blocks the loop (SOVA005). */
#include <gio/gio.h>

struct fetch {
    GMainLoop *loop;
    GDBusConnection *bus;
    char buf[4096];
};

static void on_opened(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct fetch *f = user_data;
    GFileInputStream *in = g_file_read_finish(G_FILE(source), res, NULL);
    if (!in)
        return;
    gssize n = g_input_stream_read(G_INPUT_STREAM(in), f->buf, sizeof f->buf, NULL, NULL); // expect: SOVA005
    g_print("read %" G_GSSIZE_FORMAT " bytes\n", n);
    g_object_unref(in);
}

static void on_first_chunk(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct fetch *f = user_data;
    gsize rest;
    gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), res, NULL);
    if (n > 0)
        g_input_stream_read_all(G_INPUT_STREAM(source), f->buf, sizeof f->buf, &rest, NULL, NULL); // expect: SOVA005
}

static void on_uploaded(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct fetch *f = user_data;
    (void)source;
    if (!g_task_propagate_boolean(G_TASK(res), NULL))
        return;
    GVariant *v = g_dbus_connection_call_sync(f->bus, "org.example.Sync", "/org/example/Sync", // expect: SOVA005
                                              "org.example.Sync", "Notify", NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                                              NULL, NULL);
    if (v)
        g_variant_unref(v);
    g_main_loop_quit(f->loop);
}

static void on_spawned_done(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)user_data;
    GSubprocess *proc = G_SUBPROCESS(source);
    g_subprocess_communicate_finish(proc, res, NULL, NULL, NULL);
    g_subprocess_wait(proc, NULL, NULL); // expect: SOVA005
}

static void upload_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    (void)source;
    (void)task_data;
    (void)cancellable;
    g_task_return_boolean(task, TRUE);
}

int main(int argc, char **argv)
{
    static struct fetch f;
    if (argc < 2)
        return 2;
    f.loop = g_main_loop_new(NULL, FALSE);
    f.bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
    GFile *file = g_file_new_for_path(argv[1]);
    g_file_read_async(file, G_PRIORITY_DEFAULT, NULL, on_opened, &f);

    GFileInputStream *in = g_file_read(file, NULL, NULL);
    if (in)
        g_input_stream_read_async(G_INPUT_STREAM(in), f.buf, 16, G_PRIORITY_DEFAULT, NULL, on_first_chunk, &f);

    GTask *task = g_task_new(NULL, NULL, on_uploaded, &f);
    g_task_run_in_thread(task, upload_thread);
    g_object_unref(task);

    GSubprocess *proc = g_subprocess_new(G_SUBPROCESS_FLAGS_NONE, NULL, "sync", NULL);
    if (proc)
        g_subprocess_communicate_async(proc, NULL, NULL, on_spawned_done, NULL);

    g_main_loop_run(f.loop);
    return 0;
}
