/* Sync wrappers that run single iterations of a main context until a flag, set by the
 * work's callback, says the work is done. Why each result: my_delete_sync starts the
 * delete and leaves the loop to sync_complete, which spins on *result until sync_done
 * stores it (GIO's gsubprocess.c shape): SOVA003 at the loop, with the start, the
 * helper call and the loop as related locations; my_load_sync spins on a field the
 * callback sets through its data pointer; my_touch_sync on a gboolean the callback
 * sets through *done, in a do loop; refresh_sync does the same on a pool thread (SOVA001). */
#include <gio/gio.h>

static void sync_done(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GAsyncResult **result_ptr = user_data;
    (void)source;
    *result_ptr = g_object_ref(res);
}

static void sync_complete(GAsyncResult **result)
{
    GMainContext *context = g_main_context_get_thread_default();
    while (!*result)
        g_main_context_iteration(context, TRUE); // expect: SOVA003
    g_main_context_pop_thread_default(context);
}

gboolean my_delete_sync(GFile *file, GError **error)
{
    GAsyncResult *result = NULL;
    g_main_context_push_thread_default(g_main_context_new());
    g_file_delete_async(file, G_PRIORITY_DEFAULT, NULL, sync_done, &result);
    sync_complete(&result);
    gboolean ok = g_file_delete_finish(file, result, error);
    g_object_unref(result);
    return ok;
}

struct load {
    gboolean done;
    GBytes *bytes;
};

static void loaded(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct load *l = user_data;
    l->bytes = g_file_load_bytes_finish(G_FILE(source), res, NULL, NULL);
    l->done = TRUE;
}

GBytes *my_load_sync(GFile *file)
{
    struct load l = { FALSE, NULL };
    g_file_load_bytes_async(file, NULL, loaded, &l);
    while (!l.done)
        g_main_context_iteration(NULL, TRUE); // expect: SOVA003
    return l.bytes;
}

static void flagged(GObject *source, GAsyncResult *res, gpointer user_data)
{
    gboolean *done = user_data;
    (void)source;
    (void)res;
    *done = TRUE;
}

void my_touch_sync(GFile *file)
{
    gboolean done = FALSE;
    g_file_make_directory_async(file, G_PRIORITY_DEFAULT, NULL, flagged, &done);
    do
        g_main_context_iteration(NULL, TRUE); // expect: SOVA003
    while (!done);
}

static void refreshed(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct load *l = user_data;
    g_object_unref(g_file_query_info_finish(G_FILE(source), res, NULL));
    l->done = TRUE;
}

static void refresh_sync(GFile *file)
{
    struct load l = { FALSE, NULL };
    g_file_query_info_async(file, "*", 0, G_PRIORITY_DEFAULT, NULL, refreshed, &l);
    while (!l.done)
        g_main_context_iteration(NULL, TRUE); // expect: SOVA001
}

static void refresh_task(gpointer data, gpointer pool_data)
{
    (void)pool_data;
    refresh_sync(data);
}

int main(void)
{
    GThreadPool *pool = g_thread_pool_new(refresh_task, NULL, 4, FALSE, NULL);
    g_thread_pool_push(pool, g_file_new_for_path("/tmp/report"), NULL);
    return 0;
}
