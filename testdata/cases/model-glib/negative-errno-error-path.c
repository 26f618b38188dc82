/* BlueZ's shape (src/shared/sdp-client.c:222 -> src/device.c browse_cb): an I/O watch
 * hands its completion callback -EIO on a hang-up, and the callback jumps to its cleanup
 * when err < 0, before it stores what it found. Why silent: the callback is reached from
 * the watch only with the constant -EIO, and every write is behind `if (err < 0) goto
 * done;` or after `if (err <= -1) return;`, which a negative constant makes dead. */
#include <errno.h>
#include <glib.h>

typedef void (*search_cb)(void *recs, int err, void *user);

struct search {
    search_cb cb;
    void *user;
};

static void store_records(void *recs)
{
    g_file_set_contents("/var/lib/app/records", recs, -1, NULL);
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
    if (err <= -1)
        return;
    if (0 > err)
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
    return TRUE;
}

int main(void)
{
    struct search browse = { browse_cb, NULL }, refresh = { refresh_cb, NULL };
    GIOChannel *chan = g_io_channel_unix_new(0);
    g_io_add_watch(chan, G_IO_ERR | G_IO_HUP, search_process_cb, &browse);
    g_io_add_watch(chan, G_IO_ERR | G_IO_HUP, search_process_cb, &refresh);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
