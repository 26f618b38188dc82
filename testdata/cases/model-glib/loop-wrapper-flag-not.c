/* Loops around g_main_context_iteration that wait on no started work. Why each is
 * silent: wait_for_quit spins until a flag that no callback it registered sets (the
 * timeout only counts ticks into another field), so it is the caller's main loop, not a
 * wait for one piece of work; wait_for_copy's callback sets a local of its own, not the
 * flag behind its data pointer; wait_then_start hands the flag to the helper before it
 * registers the work that sets it, so the helper's loop does not wait for that work;
 * poll_pending only dispatches what is ready (may_block FALSE). */
#include <gio/gio.h>

struct app {
    gboolean quit;
    int ticks;
};

static gboolean on_tick(gpointer user_data)
{
    struct app *a = user_data;
    a->ticks++;
    return G_SOURCE_CONTINUE;
}

void wait_for_quit(struct app *a)
{
    g_timeout_add(100, on_tick, a);
    while (!a->quit)
        g_main_context_iteration(NULL, TRUE);
}

static void copied(GObject *source, GAsyncResult *res, gpointer user_data)
{
    gboolean done;
    (void)source;
    (void)res;
    (void)user_data;
    done = TRUE;
    (void)done;
}

void wait_for_copy(GFile *from, GFile *to)
{
    gboolean done = FALSE;
    g_file_copy_async(from, to, G_FILE_COPY_NONE, G_PRIORITY_DEFAULT, NULL, NULL, NULL, copied, &done);
    while (!done)
        g_main_context_iteration(NULL, TRUE);
}

static void deleted(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GAsyncResult **result_ptr = user_data;
    (void)source;
    *result_ptr = g_object_ref(res);
}

static void spin_until(GAsyncResult **result)
{
    while (!*result)
        g_main_context_iteration(NULL, TRUE);
}

void wait_then_start(GFile *file)
{
    GAsyncResult *result = NULL;
    spin_until(&result);
    g_file_delete_async(file, G_PRIORITY_DEFAULT, NULL, deleted, &result);
}

void poll_pending(GFile *file)
{
    GAsyncResult *result = NULL;
    g_file_delete_async(file, G_PRIORITY_DEFAULT, NULL, deleted, &result);
    while (!result)
        g_main_context_iteration(NULL, FALSE);
}
