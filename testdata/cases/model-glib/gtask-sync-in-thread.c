/* A GTask thread function runs a sub-task with g_task_run_in_thread_sync and waits for it.
 * Why silent there: GTask runs a task started from one of its own threads ahead of its queue
 * (blocking_other_task, gtask.c) and grows its pool while such tasks wait, so a GTask thread
 * waiting on a nested GTask neither deadlocks nor starves the pool (glib's own
 * test_run_in_thread_nested checks it; the model's "grows_for_nested"). sova once reported it
 * as SOVA004, a verdict glib's tests showed false (gio/tests/task.c:1352). A GThreadPool worker
 * doing the same holds its own pool's thread while the GTask pool runs the work (SOVA001). The
 * blocking I/O inside the thread functions is what GTask threads are for: not reported. */
#include <gio/gio.h>

static void hash_file_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    GFile *file = source;
    GError *error = NULL;
    char *contents;
    gsize len;
    (void)task_data;
    if (!g_file_load_contents(file, cancellable, &contents, &len, NULL, &error)) {
        g_task_return_error(task, error);
        return;
    }
    g_task_return_pointer(task, g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)contents, len),
                          g_free);
    g_free(contents);
}

static void index_file_thread(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
    (void)task_data;
    GTask *hash = g_task_new(source, cancellable, NULL, NULL);
    g_task_run_in_thread_sync(hash, hash_file_thread);
    char *digest = g_task_propagate_pointer(hash, NULL);
    g_object_unref(hash);
    g_task_return_pointer(task, digest, g_free);
}

static void reindex_worker(gpointer data, gpointer user_data)
{
    GFile *file = data;
    (void)user_data;
    GTask *hash = g_task_new(file, NULL, NULL, NULL);
    g_task_run_in_thread_sync(hash, hash_file_thread); // expect: SOVA001
    g_free(g_task_propagate_pointer(hash, NULL));
    g_object_unref(hash);
}

static void index_done(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GMainLoop *loop = user_data;
    (void)source;
    char *digest = g_task_propagate_pointer(G_TASK(res), NULL);
    g_print("%s\n", digest ? digest : "(failed)");
    g_free(digest);
    g_main_loop_quit(loop);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    GFile *file = g_file_new_for_commandline_arg(argv[1]);
    GTask *task = g_task_new(file, NULL, index_done, loop);
    g_task_run_in_thread(task, index_file_thread);
    g_object_unref(task);
    GThreadPool *reindex = g_thread_pool_new(reindex_worker, NULL, 2, FALSE, NULL);
    g_thread_pool_push(reindex, g_object_ref(file), NULL);
    g_main_loop_run(loop);
    g_thread_pool_free(reindex, FALSE, TRUE);
    g_object_unref(file);
    g_main_loop_unref(loop);
    return 0;
}
