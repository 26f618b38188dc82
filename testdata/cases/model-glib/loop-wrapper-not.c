/* Loops that are not sync wrappers. Why each is silent: run_service, exported, registers
 * callbacks and runs the main loop, but none of them stops it: the loop is the program's,
 * not a wait for one piece of work; main does the same with a callback that does stop
 * it, and main is the program's loop; and drain_events starts work, then only polls
 * with g_main_context_iteration(ctx, FALSE), which does not block; load_settings is a
 * wrapper, but static, stored in no table and only main calls it. */
#include <gio/gio.h>

static GMainLoop *main_loop;

static gboolean on_tick(gpointer user_data)
{
    (void)user_data;
    return G_SOURCE_CONTINUE;
}

static void on_name(GDBusConnection *bus, const char *name, gpointer user_data)
{
    (void)bus;
    (void)name;
    (void)user_data;
}

void run_service(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_timeout_add_seconds(1, on_tick, NULL);
    g_bus_own_name(G_BUS_TYPE_SESSION, "org.example.Service", G_BUS_NAME_OWNER_FLAGS_NONE, NULL, on_name, NULL,
                   loop, NULL);
    g_main_loop_run(loop);
}

static void loaded(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)source;
    (void)res;
    (void)user_data;
    g_main_loop_quit(main_loop);
}

void drain_events(GFile *file)
{
    g_file_load_bytes_async(file, NULL, loaded, NULL);
    while (g_main_context_pending(NULL))
        g_main_context_iteration(NULL, FALSE);
}

static void settings_loaded(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)source;
    (void)res;
    g_main_loop_quit(user_data);
}

static void load_settings(GFile *file)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_file_load_bytes_async(file, NULL, settings_loaded, loop);
    g_main_loop_run(loop);
}

int main(void)
{
    GFile *file = g_file_new_for_path("/tmp/report");
    load_settings(file);
    main_loop = g_main_loop_new(NULL, FALSE);
    g_file_load_bytes_async(file, NULL, loaded, NULL);
    g_main_loop_run(main_loop);
    return 0;
}
