/* Analysing GIO itself: g_cancellable_disconnect waits on a condition only while another
 * thread emits ::cancelled on the same cancellable, and GIO calls it from loop callbacks in
 * nearly every async operation (giostream.c's splice_complete). Why: the glib model names it
 * nonblocking (a brief hand-off), so the wait inside is not reported, nor is the same wait
 * in g_thread_pool_push; the same wait in a function of the program's own is (SOVA005). */
#include <gio/gio.h>

static GMutex cancel_mutex;
static GCond cancel_cond;
static gboolean cancelled_running;

#undef g_cancellable_disconnect
void g_cancellable_disconnect(GCancellable *cancellable, gulong handler_id)
{
    (void)cancellable;
    (void)handler_id;
    g_mutex_lock(&cancel_mutex);
    while (cancelled_running)
        g_cond_wait(&cancel_cond, &cancel_mutex);
    g_mutex_unlock(&cancel_mutex);
}

static gboolean spawner_busy;

gboolean g_thread_pool_push(GThreadPool *pool, gpointer data, GError **error)
{
    (void)pool;
    (void)data;
    (void)error;
    g_mutex_lock(&cancel_mutex);
    while (spawner_busy)
        g_cond_wait(&cancel_cond, &cancel_mutex);
    g_mutex_unlock(&cancel_mutex);
    return TRUE;
}

static gboolean my_handler_running;

static void wait_for_my_handler(void)
{
    g_mutex_lock(&cancel_mutex);
    while (my_handler_running)
        g_cond_wait(&cancel_cond, &cancel_mutex); // expect: SOVA005
    g_mutex_unlock(&cancel_mutex);
}

static gboolean on_idle(gpointer data)
{
    g_cancellable_disconnect(data, 1);
    g_thread_pool_push(NULL, data, NULL);
    wait_for_my_handler();
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(on_idle, g_cancellable_new());
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
