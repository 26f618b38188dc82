/* BlueZ's browse_cb (src/device.c:6158-6166): on an error the callback retries once when
 * the error is -ECONNRESET and otherwise jumps to its cleanup, before it stores what it
 * found. Why silent: after `if (err < 0 || ...) { if (err == -ECONNRESET && ...) retry;
 * else goto done; }` either err >= 0 or err == -ECONNRESET, and the I/O watch's hang-up
 * path passes -EIO, which is neither, so the store is not reached from there. */
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
    g_file_set_contents("/var/lib/app/records", recs, -1, NULL);
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
    if (cond & (G_IO_ERR | G_IO_HUP)) {
        req->cb(NULL, -EIO, req);
        return FALSE;
    }
    return TRUE;
}

int main(void)
{
    struct browse_req req = { 0, 0, NULL, browse_cb };
    g_io_add_watch(g_io_channel_unix_new(0), G_IO_ERR | G_IO_HUP, search_process_cb, &req);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
