/* Packs and parses messages with GDataOutputStream / GDataInputStream from loop callbacks,
 * the shape of gvfs's sftp backend (gvfsbackendsftp.c new_command_stream, make_reply_stream,
 * put_string, parse_attributes). Why silent: every data stream here wraps a memory stream
 * (g_data_*_stream_new is a model's wrapper: its I/O is its base stream's), the static
 * helpers are given only such streams by every caller, and reading or writing memory
 * does no I/O. */
#include <gio/gio.h>

typedef struct {
    GInputStream *socket_in;
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
    g_data_output_stream_put_uint32(cmd, strlen(s), NULL, NULL);
    g_data_output_stream_put_string(cmd, s, NULL, NULL);
}

static GDataInputStream *make_reply(guint8 *data, gsize len)
{
    GInputStream *mem = g_memory_input_stream_new_from_data(data, len, NULL);
    GDataInputStream *reply = g_data_input_stream_new(mem);
    g_object_unref(mem);
    return reply;
}

static char *read_string(GDataInputStream *reply)
{
    guint32 len = g_data_input_stream_read_uint32(reply, NULL, NULL);
    char *s = g_malloc(len + 1);
    g_input_stream_read_all(G_INPUT_STREAM(reply), s, len, NULL, NULL, NULL);
    s[len] = 0;
    return s;
}

static void parse_reply(GDataInputStream *reply)
{
    g_free(read_string(reply));
    g_free(read_string(reply));
}

static void on_reply(GObject *source, GAsyncResult *res, gpointer user_data)
{
    Conn *conn = user_data;
    gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), res, NULL);
    if (n <= 0)
        return;
    GDataInputStream *reply = make_reply(g_memdup2(conn->buf, n), n);
    guint8 type = g_data_input_stream_read_byte(reply, NULL, NULL);
    parse_reply(reply);
    g_object_unref(reply);
    GDataOutputStream *cmd = new_command(type);
    put_string(cmd, "next");
    g_object_unref(cmd);
}

int main(void)
{
    Conn conn = { g_memory_input_stream_new(), { 0 } };
    GDataOutputStream *hello = new_command(1);
    put_string(hello, "hello");
    g_input_stream_read_async(conn.socket_in, conn.buf, sizeof conn.buf, G_PRIORITY_DEFAULT, NULL, on_reply, &conn);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
