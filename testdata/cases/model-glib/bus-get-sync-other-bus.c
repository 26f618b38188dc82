/* The twin of bus-get-sync-in-bus-callback.c where the connection may not exist yet.
 * Why each is reported: on_system_bus is a callback of the system bus, so the session
 * bus connection it asks for may have to be made, a network round trip on the loop;
 * on_tick is a timeout callback, which holds no connection at all. */
#include <gio/gio.h>

static void on_system_bus(GObject *source, GAsyncResult *result, gpointer user_data)
{
    GDBusConnection *system = g_bus_get_finish(result, NULL);
    (void)source;
    (void)user_data;
    GDBusConnection *session = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL); // expect: SOVA005
    g_clear_object(&session);
    g_clear_object(&system);
}

static gboolean on_tick(gpointer user_data)
{
    (void)user_data;
    GDBusConnection *session = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL); // expect: SOVA005
    g_clear_object(&session);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_bus_get(G_BUS_TYPE_SYSTEM, NULL, on_system_bus, NULL);
    g_timeout_add(1000, on_tick, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
