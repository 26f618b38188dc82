/* A "save" action, run from the main loop as an idle callback, saves through g_task_run_in_thread_sync.
 * Why: submit-and-wait on the main loop freezes every other source until the thread finishes (SOVA001). */
#include <gio/gio.h>

struct editor {
    GFile *file;
    GString *buffer;
};

static void save_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    GFile *file = source;
    GString *text = task_data;
    GError *error = NULL;
    if (g_file_replace_contents(file, text->str, text->len, NULL, TRUE, G_FILE_CREATE_NONE, NULL, cancellable,
                                &error))
        g_task_return_boolean(task, TRUE);
    else
        g_task_return_error(task, error);
}

static gboolean autosave(gpointer user_data)
{
    struct editor *ed = user_data;
    GTask *task = g_task_new(ed->file, NULL, NULL, NULL);
    g_task_set_task_data(task, ed->buffer, NULL);
    g_task_run_in_thread_sync(task, save_thread); // expect: SOVA001
    if (!g_task_propagate_boolean(task, NULL))
        g_printerr("autosave failed\n");
    g_object_unref(task);
    return G_SOURCE_CONTINUE;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    struct editor ed = { g_file_new_for_path(argv[1]), g_string_new("draft\n") };
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_timeout_add_seconds(30, autosave, &ed);
    g_main_loop_run(loop);
    return 0;
}
