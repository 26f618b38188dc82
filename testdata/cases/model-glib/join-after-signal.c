/* An idle callback starts a thread, waits (bounded) on a condition the thread signals,
 * then joins it (libsoup's context-test.c:117). Why the join is silent: the thread
 * signals as its last act but for quick calls (popping its context), so once the wait
 * has returned the join only waits for the thread to return. The wait is silent too: the
 * thread signals first thing but for quick calls, a start handshake (handshakes.c). */
#include <glib.h>

static GMutex lock;
static GCond done_cond;

static gpointer worker(gpointer data)
{
    GMainContext *ctx = g_main_context_new();
    (void)data;
    g_main_context_push_thread_default(ctx);
    g_mutex_lock(&lock);
    g_cond_signal(&done_cond);
    g_mutex_unlock(&lock);
    g_main_context_pop_thread_default(ctx);
    g_main_context_unref(ctx);
    return NULL;
}

static gboolean start_and_join(gpointer data)
{
    (void)data;
    g_mutex_lock(&lock);
    GThread *thread = g_thread_new("worker", worker, NULL);
    if (g_cond_wait_until(&done_cond, &lock, g_get_monotonic_time() + G_TIME_SPAN_SECOND))
        g_thread_join(thread);
    else
        g_thread_unref(thread);
    g_mutex_unlock(&lock);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(start_and_join, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
