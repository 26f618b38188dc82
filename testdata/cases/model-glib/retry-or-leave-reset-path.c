/* The twin of retry-or-leave-error-path.c where the watch also passes the error the
 * callback retries on. Why each is reported: with -ECONNRESET the inner test can hold,
 * the callback goes on to the store, and the pair "err >= 0 or err == -ECONNRESET" does
 * not rule it out (the retry's test of req->reconnect_attempt, a field the function
 * changes, is not kept). */
#include <errno.h>
#include <glib.h>

typedef void (*search_cb)(void *recs, int err, void *user);

struct browse_req {
    int search_uuid;
    int reconnect_attempt;
    void *records;
    search_cb cb;
};

static void store_records(void *recs)
{
    g_file_set_contents("/var/lib/app/records", recs, -1, NULL); // expect: SOVA005
}

static void browse_cb(void *recs, int err, void *user)
{
    struct browse_req *req = user;
    if (err < 0 || (req->search_uuid == 2 && req->records)) {
        if (err == -ECONNRESET && req->reconnect_attempt < 1) {
            req->search_uuid--;
            req->reconnect_attempt++;
        } else
            goto done;
    }
    store_records(recs);
done:
    g_free(recs);
}

static gboolean search_process_cb(GIOChannel *chan, GIOCondition cond, gpointer user_data)
{
    struct browse_req *req = user_data;
    (void)chan;
    if (cond & G_IO_HUP) {
        req->cb(NULL, -EIO, req);
        return FALSE;
    }
    if (cond & G_IO_ERR)
        req->cb(NULL, -ECONNRESET, req);
    return TRUE;
}

int main(void)
{
    struct browse_req req = { 0, 0, NULL, browse_cb };
    g_io_add_watch(g_io_channel_unix_new(0), G_IO_ERR | G_IO_HUP, search_process_cb, &req);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
