/* The twin of gtask-sync-in-thread.c: one helper waits on a GTask and is called both from a
 * GTask thread function and from a GThreadPool worker. Why reported: from the GThreadPool
 * worker the wait holds that pool's thread while GTask's pool runs the work, and GTask grows
 * only for its own threads' nested tasks; the chain shown starts at reindex_worker, never at
 * the GTask thread function. */
#include <gio/gio.h>

static void hash_file_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    (void)source;
    (void)task_data;
    (void)cancellable;
    g_task_return_pointer(task, g_strdup("digest"), g_free);
}

static char *hash_now(GFile *file)
{
    GTask *hash = g_task_new(file, NULL, NULL, NULL);
    g_task_run_in_thread_sync(hash, hash_file_thread); // expect: SOVA001 from: reindex_worker
    char *digest = g_task_propagate_pointer(hash, NULL);
    g_object_unref(hash);
    return digest;
}

static void index_file_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    (void)task_data;
    (void)cancellable;
    g_task_return_pointer(task, hash_now(source), g_free);
}

static void reindex_worker(gpointer data, gpointer user_data)
{
    (void)user_data;
    g_free(hash_now(data));
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    GFile *file = g_file_new_for_commandline_arg(argv[1]);
    GTask *task = g_task_new(file, NULL, NULL, NULL);
    g_task_run_in_thread(task, index_file_thread);
    g_object_unref(task);
    GThreadPool *reindex = g_thread_pool_new(reindex_worker, NULL, 2, FALSE, NULL);
    g_thread_pool_push(reindex, g_object_ref(file), NULL);
    g_thread_pool_free(reindex, FALSE, TRUE);
    g_object_unref(file);
    return 0;
}
