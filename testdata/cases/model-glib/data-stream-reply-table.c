/* gvfs's sftp shape (gvfsbackendsftp.c expect_reply, read_reply_async_got_data): reply
 * handlers are handed through two static helpers into a table entry's field, and the one
 * call through that field passes the reply, a data stream over memory. Why silent: every
 * handler's address only reaches ExpectedReply.callback, which is only ever read to be
 * called, so that call is every caller of each handler, and it passes a memory stream. */
#include <gio/gio.h>

typedef void (*ReplyCallback)(GDataInputStream *reply, gpointer user_data);

typedef struct {
    ReplyCallback callback;
    gpointer user_data;
} ExpectedReply;

typedef struct {
    GHashTable *expected;
    GInputStream *wire;
    guint8 buf[64];
} Conn;

static void expect_reply(Conn *conn, guint id, ReplyCallback callback, gpointer user_data)
{
    ExpectedReply *r = g_new0(ExpectedReply, 1);
    r->callback = callback;
    r->user_data = user_data;
    g_hash_table_insert(conn->expected, GUINT_TO_POINTER(id), r);
}

static void queue_command(Conn *conn, guint id, ReplyCallback callback, gpointer user_data)
{
    expect_reply(conn, id, callback, user_data);
}

static void stat_reply(GDataInputStream *reply, gpointer user_data)
{
    (void)user_data;
    g_data_input_stream_read_uint64(reply, NULL, NULL);
}

static void name_reply(GDataInputStream *reply, gpointer user_data)
{
    (void)user_data;
    guint32 len = g_data_input_stream_read_uint32(reply, NULL, NULL);
    g_input_stream_skip(G_INPUT_STREAM(reply), len, NULL, NULL);
}

static void on_data(GObject *source, GAsyncResult *res, gpointer user_data)
{
    Conn *conn = user_data;
    gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), res, NULL);
    if (n < 5)
        return;
    GInputStream *mem = g_memory_input_stream_new_from_data(g_memdup2(conn->buf, n), n, g_free);
    GDataInputStream *reply = g_data_input_stream_new(mem);
    guint id = g_data_input_stream_read_uint32(reply, NULL, NULL);
    ExpectedReply *r = g_hash_table_lookup(conn->expected, GUINT_TO_POINTER(id));
    if (r)
        r->callback(reply, r->user_data);
    g_object_unref(reply);
    g_object_unref(mem);
}

int main(void)
{
    Conn conn = { g_hash_table_new(NULL, NULL), g_memory_input_stream_new(), { 0 } };
    queue_command(&conn, 1, stat_reply, NULL);
    expect_reply(&conn, 2, name_reply, NULL);
    g_input_stream_read_async(conn.wire, conn.buf, sizeof conn.buf, G_PRIORITY_DEFAULT, NULL, on_data, &conn);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
