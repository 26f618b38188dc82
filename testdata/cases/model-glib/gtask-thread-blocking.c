/* A GIO-style async API whose GTask thread function does the blocking work: D-Bus call, file read, stream read.
 * Why: blocking in a GTask thread is what g_task_run_in_thread is for; generic blocking in a pool is not
 * reported, and the completion callback (on the main loop) does not block. */
#include <gio/gio.h>

static void fetch_status_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    GDBusConnection *bus = source;
    GError *error = NULL;
    (void)task_data;
    GVariant *reply = g_dbus_connection_call_sync(bus, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                                                  "org.freedesktop.DBus.Properties", "Get",
                                                  g_variant_new("(ss)", "org.freedesktop.systemd1.Manager",
                                                                "SystemState"),
                                                  G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                                                  &error);
    if (!reply) {
        g_task_return_error(task, error);
        return;
    }
    GFile *motd = g_file_new_for_path("/etc/motd");
    GFileInputStream *in = g_file_read(motd, cancellable, NULL);
    char banner[256] = "";
    if (in) {
        g_input_stream_read(G_INPUT_STREAM(in), banner, sizeof banner - 1, cancellable, NULL);
        g_object_unref(in);
    }
    g_object_unref(motd);
    g_usleep(10 * 1000);
    g_task_return_pointer(task, reply, (GDestroyNotify)g_variant_unref);
}

void status_fetch_async(GDBusConnection *bus, GCancellable *cancellable, GAsyncReadyCallback cb, gpointer data)
{
    GTask *task = g_task_new(bus, cancellable, cb, data);
    g_task_run_in_thread(task, fetch_status_thread);
    g_object_unref(task);
}

static void status_ready(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GMainLoop *loop = user_data;
    (void)source;
    GVariant *reply = g_task_propagate_pointer(G_TASK(res), NULL);
    if (reply)
        g_variant_unref(reply);
    g_main_loop_quit(loop);
}

int main(void)
{
    GDBusConnection *bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, NULL, NULL);
    if (!bus)
        return 1;
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    status_fetch_async(bus, NULL, status_ready, loop);
    g_main_loop_run(loop);
    return 0;
}
