/* The twin of negative-errno-error-path.c where the callback is also reached with a
 * success code. Why each is reported: on a readable watch the callback gets err = 0,
 * which passes `if (err < 0) goto done;` and reaches the file write; and refresh_cb's
 * store runs for err >= 1, which the constant 1 passed on G_IO_PRI gives. */
#include <errno.h>
#include <glib.h>

typedef void (*search_cb)(void *recs, int err, void *user);

struct search {
    search_cb cb;
    void *user;
};

static void store_records(void *recs)
{
    g_file_set_contents("/var/lib/app/records", recs, -1, NULL); // expect: SOVA005
}

static void browse_cb(void *recs, int err, void *user)
{
    (void)user;
    if (err < 0)
        goto done;
    store_records(recs);
done:
    g_free(recs);
}

static void refresh_cb(void *recs, int err, void *user)
{
    (void)user;
    if (err > 0)
        store_records(recs);
    g_free(recs);
}

static gboolean search_process_cb(GIOChannel *chan, GIOCondition cond, gpointer user_data)
{
    struct search *s = user_data;
    (void)chan;
    if (cond & (G_IO_ERR | G_IO_HUP)) {
        s->cb(NULL, -EIO, s->user);
        return FALSE;
    }
    if (cond & G_IO_PRI)
        s->cb(g_strdup("urgent"), 1, s->user);
    else
        s->cb(g_strdup("records"), 0, s->user);
    return TRUE;
}

int main(void)
{
    struct search browse = { browse_cb, NULL }, refresh = { refresh_cb, NULL };
    GIOChannel *chan = g_io_channel_unix_new(0);
    g_io_add_watch(chan, G_IO_IN | G_IO_HUP, search_process_cb, &browse);
    g_io_add_watch(chan, G_IO_PRI | G_IO_HUP, search_process_cb, &refresh);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
