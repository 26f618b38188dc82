/* The look-alikes of join-after-signal.c whose join does wait. Why each is reported:
 * after signalling, the slow worker sleeps before it returns, so the join waits for the
 * sleep (the wait before it is a start handshake, silent); join_only joins with no wait
 * first, while the worker still runs; and other_cond waits on a condition the worker
 * never signals, so neither the wait nor the join is a handshake. */
#include <glib.h>

static GMutex lock;
static GCond done_cond;
static GCond other;

static gpointer slow_worker(gpointer data)
{
    (void)data;
    g_mutex_lock(&lock);
    g_cond_signal(&done_cond);
    g_mutex_unlock(&lock);
    g_usleep(G_USEC_PER_SEC);
    return NULL;
}

static gpointer quick_worker(gpointer data)
{
    (void)data;
    g_mutex_lock(&lock);
    g_cond_signal(&done_cond);
    g_mutex_unlock(&lock);
    return NULL;
}

static gboolean join_slow(gpointer data)
{
    (void)data;
    g_mutex_lock(&lock);
    GThread *thread = g_thread_new("slow", slow_worker, NULL);
    g_cond_wait(&done_cond, &lock);
    g_thread_join(thread); // expect: SOVA005
    g_mutex_unlock(&lock);
    return G_SOURCE_REMOVE;
}

static gboolean join_only(gpointer data)
{
    (void)data;
    GThread *thread = g_thread_new("quick", quick_worker, NULL);
    g_thread_join(thread); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

static gboolean other_cond(gpointer data)
{
    (void)data;
    g_mutex_lock(&lock);
    GThread *thread = g_thread_new("quick", quick_worker, NULL);
    g_cond_wait(&other, &lock); // expect: SOVA005
    g_thread_join(thread); // expect: SOVA005
    g_mutex_unlock(&lock);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(join_slow, NULL);
    g_idle_add(join_only, NULL);
    g_idle_add(other_cond, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
