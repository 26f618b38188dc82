/* A GObject signal handler (g_signal_connect) that sleeps.
 * Why: signal handlers run in the thread that emits the signal, which sova cannot know: the glib model leaves
 * signals out on purpose, and the handler, handed to an unanalysed function, is no async context. */
#include <gio/gio.h>

static void on_changed(GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer user_data)
{
    (void)monitor;
    (void)other;
    (void)user_data;
    if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT) {
        g_usleep(50 * 1000); /* let the writer finish renaming */
        char *path = g_file_get_path(file);
        g_print("changed: %s\n", path);
        g_free(path);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    GFile *dir = g_file_new_for_path(argv[1]);
    GFileMonitor *mon = g_file_monitor_directory(dir, G_FILE_MONITOR_NONE, NULL, NULL);
    if (!mon)
        return 1;
    g_signal_connect(mon, "changed", G_CALLBACK(on_changed), NULL);
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_main_loop_run(loop);
    return 0;
}
