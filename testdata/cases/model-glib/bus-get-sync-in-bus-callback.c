/* g_bus_get_sync in the callback of an asynchronous call on the same bus, the shape of
 * GLib's launch_uris_bus_get_cb -> get_document_portal (gdocumentportal.c:52) and
 * gdbus-proxy.c's proxy_ready -> test_basic. Why silent: the session bus connection
 * is a process-wide singleton, and while a callback of g_bus_get(G_BUS_TYPE_SESSION)
 * or of g_dbus_proxy_new_for_bus(G_BUS_TYPE_SESSION) runs it exists (the result and
 * the proxy hold it): g_bus_get_sync returns it without connecting. */
#include <gio/gio.h>

static GDBusConnection *session_connection(void)
{
    return g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
}

static void on_bus(GObject *source, GAsyncResult *result, gpointer user_data)
{
    GDBusConnection *bus = g_bus_get_finish(result, NULL);
    (void)source;
    (void)user_data;
    if (bus) {
        GDBusConnection *again = session_connection();
        g_clear_object(&again);
        g_object_unref(bus);
    }
}

static void on_proxy(GObject *source, GAsyncResult *result, gpointer user_data)
{
    GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish(result, NULL);
    (void)source;
    (void)user_data;
    GDBusConnection *connection = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
    g_clear_object(&connection);
    g_clear_object(&proxy);
}

int main(void)
{
    g_bus_get(G_BUS_TYPE_SESSION, NULL, on_bus, NULL);
    g_dbus_proxy_new_for_bus(G_BUS_TYPE_SESSION, G_DBUS_PROXY_FLAGS_NONE, NULL, "org.example.Jobs",
                             "/org/example/Jobs", "org.example.Jobs", NULL, on_proxy, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
