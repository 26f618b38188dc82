/* The twin of loop-until-name-lost.c where the loop waits for something to happen. Why
 * each is reported: wait_for_service runs a loop until the watched name appears, a
 * GBusNameAppearedCallback, which is the awaited event itself (SOVA003: exported, it hides
 * the wait from its callers); own_and_wait quits on the acquired callback, the completion
 * of the name request (SOVA003), though its lost callback also stops the loop. */
#include <gio/gio.h>

static GMainLoop *loop;

static void on_appeared(GDBusConnection *connection, const gchar *name, const gchar *owner, gpointer user_data)
{
    (void)connection, (void)name, (void)owner, (void)user_data;
    g_main_loop_quit(loop);
}

static void on_acquired(GDBusConnection *connection, const gchar *name, gpointer user_data)
{
    (void)connection, (void)name, (void)user_data;
    g_main_loop_quit(loop);
}

static void on_lost(GDBusConnection *connection, const gchar *name, gpointer user_data)
{
    (void)connection, (void)name, (void)user_data;
    g_main_loop_quit(loop);
}

void wait_for_service(const char *name)
{
    loop = g_main_loop_new(NULL, FALSE);
    guint watch = g_bus_watch_name(G_BUS_TYPE_SESSION, name, G_BUS_NAME_WATCHER_FLAGS_NONE, on_appeared, NULL, NULL,
                                   NULL);
    g_main_loop_run(loop); // expect: SOVA003
    g_bus_unwatch_name(watch);
}

void own_and_wait(const char *name)
{
    loop = g_main_loop_new(NULL, FALSE);
    g_bus_own_name(G_BUS_TYPE_SESSION, name, G_BUS_NAME_OWNER_FLAGS_NONE, NULL, on_acquired, on_lost, NULL, NULL);
    g_main_loop_run(loop); // expect: SOVA003
}

int main(int argc, char **argv)
{
    wait_for_service(argv[argc - 1]);
    own_and_wait("org.example.Client");
    return 0;
}
