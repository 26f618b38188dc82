/* The twin of data-stream-over-memory.c where some data streams wrap a connection's
 * streams. Why each is reported: put_string is also given a data stream over the
 * connection's output stream, and parse_reply also a data stream over its input stream,
 * so their writes and reads wait on the peer; the read in on_reply is of a buffered
 * stream over the socket. */
#include <gio/gio.h>

typedef struct {
    GIOStream *connection;
    guint8 buf[64];
} Conn;

static GDataOutputStream *new_command(int type)
{
    GOutputStream *mem = g_memory_output_stream_new(NULL, 0, g_realloc, g_free);
    GDataOutputStream *cmd = g_data_output_stream_new(mem);
    g_object_unref(mem);
    g_data_output_stream_put_byte(cmd, type, NULL, NULL);
    return cmd;
}

static void put_string(GDataOutputStream *cmd, const char *s)
{
    g_data_output_stream_put_uint32(cmd, strlen(s), NULL, NULL); // expect: SOVA005
    g_data_output_stream_put_string(cmd, s, NULL, NULL); // expect: SOVA005
}

static GDataInputStream *make_reply(guint8 *data, gsize len)
{
    GInputStream *mem = g_memory_input_stream_new_from_data(data, len, NULL);
    GDataInputStream *reply = g_data_input_stream_new(mem);
    g_object_unref(mem);
    return reply;
}

static void parse_reply(GDataInputStream *reply)
{
    guint32 len = g_data_input_stream_read_uint32(reply, NULL, NULL); // expect: SOVA005
    g_input_stream_skip(G_INPUT_STREAM(reply), len, NULL, NULL); // expect: SOVA005
}

static void on_reply(GObject *source, GAsyncResult *res, gpointer user_data)
{
    Conn *conn = user_data;
    gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), res, NULL);
    if (n <= 0)
        return;
    GDataInputStream *reply = make_reply(g_memdup2(conn->buf, n), n);
    parse_reply(reply);
    g_object_unref(reply);
    GDataInputStream *wire = g_data_input_stream_new(g_io_stream_get_input_stream(conn->connection));
    parse_reply(wire);
    GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM(g_buffered_input_stream_new(g_io_stream_get_input_stream(conn->connection)));
    g_buffered_input_stream_fill(buffered, 16, NULL, NULL); // expect: SOVA005
    GDataOutputStream *direct = g_data_output_stream_new(g_io_stream_get_output_stream(conn->connection));
    put_string(direct, "over the wire");
    GDataOutputStream *cmd = new_command(2);
    put_string(cmd, "next");
}

int main(int argc, char **argv)
{
    GSocketClient *client = g_socket_client_new();
    Conn conn = { G_IO_STREAM(g_socket_client_connect_to_host(client, argv[argc - 1], 22, NULL, NULL)), { 0 } };
    g_input_stream_read_async(g_io_stream_get_input_stream(conn.connection), conn.buf, sizeof conn.buf,
                              G_PRIORITY_DEFAULT, NULL, on_reply, &conn);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
