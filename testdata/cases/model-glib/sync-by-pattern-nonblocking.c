/* Look-alikes of sync-by-pattern-block.c that do not block the loop. Why each is silent:
 * writes to and closes of a GMemoryOutputStream and reads of a GMemoryInputStream made
 * in the same function do no I/O; cancelling a GCancellable, making a socket source and
 * a non-blocking pollable read only ask; g_initable_new blocks or not by the type, so it
 * is left alone; the same synchronous file and D-Bus calls run in a GTask thread (a
 * pool, where blocking is the point) and in main before the loop starts. */
#include <gio/gio.h>

static void query_in_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    GFile *file = task_data;
    (void)source;
    GFileInfo *info = g_file_query_info(file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, cancellable, NULL);
    GDBusProxy *proxy = g_dbus_proxy_new_for_bus_sync(G_BUS_TYPE_SESSION, 0, NULL, "org.example.Jobs",
                                                      "/org/example/Jobs", "org.example.Jobs", cancellable, NULL);
    g_clear_object(&info);
    g_clear_object(&proxy);
    g_task_return_boolean(task, TRUE);
}

static gboolean on_tick(gpointer user_data)
{
    GSocket *socket = user_data;
    char buf[16];
    GCancellable *cancellable = g_cancellable_new();
    GOutputStream *mem = g_memory_output_stream_new_resizable();
    GInputStream *in = g_memory_input_stream_new_from_data("tick", 4, NULL);
    g_output_stream_write_all(mem, "tick", 4, NULL, cancellable, NULL);
    g_output_stream_close(mem, cancellable, NULL);
    g_input_stream_read(in, buf, sizeof buf, cancellable, NULL);
    g_cancellable_cancel(cancellable);
    GSource *source = g_socket_create_source(socket, G_IO_IN, cancellable);
    g_pollable_input_stream_read_nonblocking(G_POLLABLE_INPUT_STREAM(in), buf, sizeof buf, cancellable, NULL);
    GObject *obj = g_initable_new(G_TYPE_OBJECT, cancellable, NULL, NULL);
    g_source_unref(source);
    g_clear_object(&obj);
    g_object_unref(mem);
    g_object_unref(in);
    g_object_unref(cancellable);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GFile *file = g_file_new_for_path("/tmp/report");
    GFileInfo *info = g_file_query_info(file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    GSocket *socket = g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
    GTask *task = g_task_new(NULL, NULL, NULL, NULL);
    g_task_set_task_data(task, file, NULL);
    g_task_run_in_thread(task, query_in_thread);
    g_timeout_add(1000, on_tick, socket);
    g_clear_object(&info);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
