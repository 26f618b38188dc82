/* A console app asks for confirmation from inside a main-loop callback by running a nested loop,
 * and "pumps" the loop with g_main_context_iteration.
 * Why: g_main_loop_run and g_main_context_iteration(ctx, TRUE) block the callback until other events arrive,
 * re-entering the loop under it (SOVA005); g_main_context_iteration(ctx, FALSE) does not block. */
#include <glib.h>
#include <stdio.h>

struct prompt {
    GMainLoop *loop;
    gboolean answered;
    gboolean yes;
};

static gboolean on_answer(GIOChannel *ch, GIOCondition cond, gpointer user_data)
{
    struct prompt *p = user_data;
    char *line = NULL;
    (void)cond;
    if (g_io_channel_read_line(ch, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL) {
        p->yes = line[0] == 'y';
        p->answered = TRUE;
        g_main_loop_quit(p->loop);
    }
    g_free(line);
    return G_SOURCE_CONTINUE;
}

static gboolean ask_before_delete(gpointer user_data)
{
    GIOChannel *in = user_data;
    struct prompt p = { g_main_loop_new(NULL, FALSE), FALSE, FALSE };
    fputs("delete the cache? [y/N] ", stdout);
    fflush(stdout);
    guint watch = g_io_add_watch(in, G_IO_IN, on_answer, &p);
    g_main_loop_run(p.loop); // expect: SOVA005
    g_source_remove(watch);
    g_main_loop_unref(p.loop);
    return G_SOURCE_REMOVE;
}

static gboolean wait_for_answer(gpointer user_data)
{
    struct prompt *p = user_data;
    while (!p->answered)
        g_main_context_iteration(NULL, TRUE); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

static gboolean flush_pending(gpointer user_data)
{
    (void)user_data;
    while (g_main_context_pending(NULL))
        g_main_context_iteration(NULL, FALSE);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GIOChannel *in = g_io_channel_unix_new(0);
    static struct prompt later;
    later.loop = g_main_loop_new(NULL, FALSE);
    g_timeout_add_seconds(1, ask_before_delete, in);
    g_idle_add(wait_for_answer, &later);
    g_timeout_add(250, flush_pending, NULL);
    g_main_loop_run(later.loop);
    return 0;
}
