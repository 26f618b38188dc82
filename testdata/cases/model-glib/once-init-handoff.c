/* Analysing GLib itself: g_once_init_enter's body waits on a condition while another thread
 * runs the same one-time initialisation, and every G_DEFINE_TYPE's get_type calls it from
 * wherever a type is first used, main-loop callbacks included. Why: the glib model names
 * it nonblocking (a brief hand-off), so the wait inside is not reported; the same wait in
 * a function of the program's own (below, beside it) is (SOVA005). */
#include <glib.h>

static GMutex once_mutex;
static GCond once_cond;
static GSList *once_init_list;

#undef g_once_init_enter
gboolean g_once_init_enter(volatile void *location)
{
    gboolean need_init = FALSE;
    g_mutex_lock(&once_mutex);
    if (*(volatile gsize *)location == 0) {
        if (!g_slist_find(once_init_list, (void *)location)) {
            need_init = TRUE;
            once_init_list = g_slist_prepend(once_init_list, (void *)location);
        } else {
            do
                g_cond_wait(&once_cond, &once_mutex);
            while (g_slist_find(once_init_list, (void *)location));
        }
    }
    g_mutex_unlock(&once_mutex);
    return need_init;
}

static gboolean my_ready;

static void wait_until_ready(void)
{
    g_mutex_lock(&once_mutex);
    while (!my_ready)
        g_cond_wait(&once_cond, &once_mutex); // expect: SOVA005
    g_mutex_unlock(&once_mutex);
}

static gboolean on_idle(gpointer data)
{
    static gsize type_id;
    if (g_once_init_enter(&type_id))
        g_once_init_leave(&type_id, 1);
    wait_until_ready();
    (void)data;
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(on_idle, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
