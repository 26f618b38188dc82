/* gvfs's daemon_main (daemon/daemon-main.c:389-398): a daemon owns a bus name and runs
 * its main loop, which quits when the name is lost. Why silent: the loop waits for no
 * work; the only callback that stops it is a GBusNameLostCallback, which tells that the
 * registration is over (the glib model's ends_registration), so the function is a
 * program's main loop, not a sync wrapper, though it is exported. */
#include <gio/gio.h>

static GMainLoop *loop;

static void on_name_acquired(GDBusConnection *connection, const gchar *name, gpointer user_data)
{
    (void)connection, (void)name, (void)user_data;
}

static void on_name_lost(GDBusConnection *connection, const gchar *name, gpointer user_data)
{
    (void)connection, (void)name, (void)user_data;
    g_main_loop_quit(loop);
}

int daemon_main(const char *name)
{
    loop = g_main_loop_new(NULL, FALSE);
    guint owner = g_bus_own_name(G_BUS_TYPE_SESSION, name, G_BUS_NAME_OWNER_FLAGS_NONE, NULL,
                                 on_name_acquired, on_name_lost, NULL, NULL);
    g_main_loop_run(loop);
    g_bus_unown_name(owner);
    return 0;
}

int main(void)
{
    return daemon_main("org.example.Daemon");
}
