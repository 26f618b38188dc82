/* GIO's synchronous API in loop callbacks, found by the glib model's blocking patterns
 * (a GCancellable * and no GAsyncReadyCallback, by prefix) and its GLib file entries,
 * not one name at a time. Why each result: the timeout callback queries, deletes and
 * reads local files (local-file I/O, notes), connects a socket client and builds a
 * D-Bus proxy synchronously (network), waits for a subprocess's output, and writes to
 * a file's output stream; each waits on the loop thread (SOVA005). */
#include <gio/gio.h>

struct state {
    GFile *file;
    GSubprocess *child;
    GOutputStream *log;
};

static gboolean on_tick(gpointer user_data)
{
    struct state *s = user_data;
    char *contents = NULL;
    GBytes *out = NULL;
    GFileInfo *info = g_file_query_info(s->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL); // expect: SOVA005
    g_file_delete(s->file, NULL, NULL); // expect: SOVA005
    g_file_get_contents("/etc/hostname", &contents, NULL, NULL); // expect: SOVA005
    GSocketClient *client = g_socket_client_new();
    GSocketConnection *conn = g_socket_client_connect_to_host(client, "example.org", 80, NULL, NULL); // expect: SOVA005
    GDBusProxy *proxy = g_dbus_proxy_new_for_bus_sync(G_BUS_TYPE_SESSION, 0, NULL, "org.example.Jobs", // expect: SOVA005
                                                      "/org/example/Jobs", "org.example.Jobs", NULL, NULL);
    g_subprocess_communicate(s->child, NULL, NULL, &out, NULL, NULL); // expect: SOVA005
    g_output_stream_write(s->log, "tick\n", 5, NULL, NULL); // expect: SOVA005
    g_clear_object(&info);
    g_clear_object(&conn);
    g_clear_object(&proxy);
    g_free(contents);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    static struct state s;
    s.file = g_file_new_for_path("/tmp/report");
    s.log = G_OUTPUT_STREAM(g_file_append_to(s.file, G_FILE_CREATE_NONE, NULL, NULL));
    s.child = g_subprocess_new(G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL, "date", NULL);
    g_timeout_add(1000, on_tick, &s);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
