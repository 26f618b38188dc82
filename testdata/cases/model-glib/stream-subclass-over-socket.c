/* The twin of stream-subclass-over-memory.c. Why command_put_uint16 is reported: one
 * command it is given is made with its "base-stream" the connection's output stream, so
 * what it writes goes to the peer, and another is made with no "base-stream" named
 * (g_object_new(type, NULL)), whose base sova cannot see. command_put_string stays
 * silent: the one command it is given is over memory. */
#include <gio/gio.h>

typedef struct {
    GDataOutputStream parent;
    int type;
} Command;

typedef struct {
    GDataOutputStreamClass parent_class;
} CommandClass;

G_DEFINE_TYPE(Command, command, G_TYPE_DATA_OUTPUT_STREAM)

static void command_init(Command *self) { (void)self; }
static void command_class_init(CommandClass *klass) { (void)klass; }

Command *command_new(int type)
{
    GOutputStream *mem = g_memory_output_stream_new(NULL, 0, g_realloc, g_free);
    Command *comm = g_object_new(command_get_type(), "base-stream", mem, NULL);
    g_object_unref(mem);
    comm->type = type;
    return comm;
}

Command *command_new_on(GIOStream *connection)
{
    return g_object_new(command_get_type(), "base-stream", g_io_stream_get_output_stream(connection), NULL);
}

Command *command_new_plain(void)
{
    return g_object_new(command_get_type(), NULL);
}

void command_put_uint16(Command *comm, guint16 val)
{
    g_data_output_stream_put_uint16(G_DATA_OUTPUT_STREAM(comm), val, NULL, NULL); // expect: SOVA005
}

void command_put_string(Command *comm, const char *s)
{
    g_data_output_stream_put_byte(G_DATA_OUTPUT_STREAM(comm), (guchar)strlen(s), NULL, NULL);
    g_output_stream_write_all(G_OUTPUT_STREAM(comm), s, strlen(s), NULL, NULL, NULL);
}

static void on_connected(GObject *source, GAsyncResult *res, gpointer user_data)
{
    GSocketConnection *connection = g_socket_client_connect_to_host_finish(G_SOCKET_CLIENT(source), res, NULL);
    Command *comm = command_new(43);
    command_put_uint16(comm, 1);
    command_put_string(comm, user_data);
    g_object_unref(comm);
    Command *direct = command_new_on(G_IO_STREAM(connection));
    command_put_uint16(direct, 2);
    g_object_unref(direct);
    Command *plain = command_new_plain();
    command_put_uint16(plain, 3);
    g_object_unref(plain);
}

int main(int argc, char **argv)
{
    GSocketClient *client = g_socket_client_new();
    g_socket_client_connect_to_host_async(client, argv[argc - 1], 548, NULL, on_connected, argv[0]);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
