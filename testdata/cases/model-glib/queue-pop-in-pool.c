/* GThreadPool workers that block on a GAsyncQueue, a GCond and a sleep between retries.
 * Why: generic blocking in a pool thread only occupies that thread: not reported (SOVA005 is for
 * single-threaded contexts, and these are no future-like waits). */
#include <glib.h>

struct uploader {
    GAsyncQueue *tokens;
    GMutex lock;
    GCond slot_free;
    int in_flight;
};

static gboolean try_upload(const char *path)
{
    return g_file_test(path, G_FILE_TEST_EXISTS);
}

static void upload_file(gpointer data, gpointer user_data)
{
    struct uploader *up = user_data;
    char *path = data;
    gpointer token = g_async_queue_pop(up->tokens);
    g_mutex_lock(&up->lock);
    while (up->in_flight >= 4)
        g_cond_wait(&up->slot_free, &up->lock);
    up->in_flight++;
    g_mutex_unlock(&up->lock);
    for (int attempt = 0; attempt < 3 && !try_upload(path); attempt++)
        g_usleep(G_USEC_PER_SEC << attempt);
    g_mutex_lock(&up->lock);
    up->in_flight--;
    g_cond_signal(&up->slot_free);
    g_mutex_unlock(&up->lock);
    g_async_queue_push(up->tokens, token);
    g_free(path);
}

int main(int argc, char **argv)
{
    static struct uploader up;
    up.tokens = g_async_queue_new();
    for (int i = 0; i < 8; i++)
        g_async_queue_push(up.tokens, GINT_TO_POINTER(i + 1));
    g_mutex_init(&up.lock);
    g_cond_init(&up.slot_free);
    GThreadPool *pool = g_thread_pool_new(upload_file, &up, 16, FALSE, NULL);
    for (int i = 1; i < argc; i++)
        g_thread_pool_push(pool, g_strdup(argv[i]), NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
    return 0;
}
