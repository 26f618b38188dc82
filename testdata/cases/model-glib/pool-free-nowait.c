/* The same worker stops its own pool with g_thread_pool_free(pool, TRUE, FALSE), and main waits for the pool.
 * Why: with wait_ = FALSE the call returns at once (no wait, no SOVA004); main is not an async context. */
#include <glib.h>

static GThreadPool *thumbnail_pool;
static gint failures;

static void make_thumbnail(gpointer data, gpointer user_data)
{
    char *path = data;
    (void)user_data;
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_warning("%s vanished: dropping the queued thumbnails", path);
        g_atomic_int_inc(&failures);
        g_thread_pool_free(thumbnail_pool, TRUE, FALSE);
    }
    g_free(path);
}

int main(int argc, char **argv)
{
    thumbnail_pool = g_thread_pool_new(make_thumbnail, NULL, 4, FALSE, NULL);
    for (int i = 1; i < argc; i++)
        g_thread_pool_push(thumbnail_pool, g_strdup(argv[i]), NULL);
    g_thread_pool_free(thumbnail_pool, FALSE, TRUE);
    return g_atomic_int_get(&failures) != 0;
}
