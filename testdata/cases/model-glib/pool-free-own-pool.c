/* A GThreadPool worker that tears the pool down on a fatal error with g_thread_pool_free(pool, FALSE, TRUE).
 * Why: wait_ = TRUE waits for every running task, the caller included: it waits for itself (SOVA004). */
#include <glib.h>

static GThreadPool *thumbnail_pool;
static GAsyncQueue *thumbnails;

static void make_thumbnail(gpointer data, gpointer user_data)
{
    char *path = data;
    (void)user_data;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_warning("%s vanished, the source tree is being deleted: stopping", path);
        g_thread_pool_free(thumbnail_pool, FALSE, TRUE); // expect: SOVA004
        g_free(path);
        return;
    }
    g_async_queue_push(thumbnails, g_strconcat(path, ".thumb.png", NULL));
    g_free(path);
}

int main(int argc, char **argv)
{
    GError *error = NULL;
    thumbnails = g_async_queue_new_full(g_free);
    thumbnail_pool = g_thread_pool_new(make_thumbnail, NULL, 4, FALSE, &error);
    if (!thumbnail_pool) {
        g_printerr("%s\n", error->message);
        return 1;
    }
    for (int i = 1; i < argc; i++)
        g_thread_pool_push(thumbnail_pool, g_strdup(argv[i]), NULL);
    g_thread_pool_free(thumbnail_pool, FALSE, TRUE);
    for (char *t; (t = g_async_queue_try_pop(thumbnails)) != NULL; g_free(t))
        g_print("%s\n", t);
    g_async_queue_unref(thumbnails);
    return 0;
}
