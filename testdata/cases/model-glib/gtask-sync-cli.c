/* A command-line tool loads its config with g_task_run_in_thread_sync from main, through a static helper.
 * Why: main is not an async context and the waiting thread is no pool thread: nothing to report. */
#include <gio/gio.h>

static void parse_config_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    GKeyFile *kf = g_key_file_new();
    GError *error = NULL;
    (void)source;
    (void)cancellable;
    if (g_key_file_load_from_file(kf, task_data, G_KEY_FILE_NONE, &error))
        g_task_return_pointer(task, kf, (GDestroyNotify)g_key_file_unref);
    else {
        g_key_file_unref(kf);
        g_task_return_error(task, error);
    }
}

static GKeyFile *load_config(const char *path, GError **error)
{
    GTask *task = g_task_new(NULL, NULL, NULL, NULL);
    g_task_set_task_data(task, g_strdup(path), g_free);
    g_task_run_in_thread_sync(task, parse_config_thread);
    GKeyFile *kf = g_task_propagate_pointer(task, error);
    g_object_unref(task);
    return kf;
}

int main(int argc, char **argv)
{
    GError *error = NULL;
    GKeyFile *kf = load_config(argc > 1 ? argv[1] : "app.conf", &error);
    if (!kf) {
        g_printerr("%s\n", error->message);
        return 1;
    }
    g_key_file_unref(kf);
    return 0;
}
