/* The twin of data-stream-reply-table.c where some handler can be given a stream that does
 * I/O. Why each is reported: stat_reply is also called through the table's field with a data
 * stream over the connection; name_reply sits in a static table at file scope as well, so
 * its callers are not all known (sova does not follow calls through tables there). */
#include <gio/gio.h>

typedef void (*ReplyCallback)(GDataInputStream *reply, gpointer user_data);

typedef struct {
    ReplyCallback callback;
    gpointer user_data;
} ExpectedReply;

typedef struct {
    GHashTable *expected;
    GIOStream *connection;
    guint8 buf[64];
} Conn;

static void expect_reply(Conn *conn, guint id, ReplyCallback callback, gpointer user_data)
{
    ExpectedReply *r = g_new0(ExpectedReply, 1);
    r->callback = callback;
    r->user_data = user_data;
    g_hash_table_insert(conn->expected, GUINT_TO_POINTER(id), r);
}

static void stat_reply(GDataInputStream *reply, gpointer user_data)
{
    (void)user_data;
    g_data_input_stream_read_uint64(reply, NULL, NULL); // expect: SOVA005
}

static void name_reply(GDataInputStream *reply, gpointer user_data)
{
    (void)user_data;
    guint32 len = g_data_input_stream_read_uint32(reply, NULL, NULL); // expect: SOVA005
    g_input_stream_skip(G_INPUT_STREAM(reply), len, NULL, NULL); // expect: SOVA005
}

static const struct {
    guint id;
    ReplyCallback handler;
} builtin_replies[] = { { 9, name_reply } };

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
    if (id == 7 && r) {
        GDataInputStream *wire = g_data_input_stream_new(g_io_stream_get_input_stream(conn->connection));
        r->callback(wire, r->user_data);
    }
    if (id == builtin_replies[0].id)
        builtin_replies[0].handler(reply, NULL);
}

int main(int argc, char **argv)
{
    GSocketClient *client = g_socket_client_new();
    Conn conn = { g_hash_table_new(NULL, NULL),
                  G_IO_STREAM(g_socket_client_connect_to_host(client, argv[argc - 1], 22, NULL, NULL)), { 0 } };
    expect_reply(&conn, 1, stat_reply, NULL);
    expect_reply(&conn, 2, name_reply, NULL);
    g_input_stream_read_async(g_io_stream_get_input_stream(conn.connection), conn.buf, sizeof conn.buf,
                              G_PRIORITY_DEFAULT, NULL, on_data, &conn);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
