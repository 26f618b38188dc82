/* Builds protocol commands in a GDataOutputStream subclass over a memory stream, from
 * reply callbacks on the loop: the shape of gvfs's AFP backend (gvfsafpconnection.c
 * g_vfs_afp_command_new, g_vfs_afp_command_put_*). Why silent: the command is made by
 * g_object_new(COMMAND_TYPE, "base-stream", mem, NULL), a filter stream whose I/O is its
 * "base-stream" (a model's wrapper, by property), mem is a memory stream, and the put_*
 * helpers, not static but this program's own code (the file defines main), are given only
 * such commands by every call in the program. */
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

void command_put_uint16(Command *comm, guint16 val)
{
    g_data_output_stream_put_uint16(G_DATA_OUTPUT_STREAM(comm), val, NULL, NULL);
}

void command_put_string(Command *comm, const char *s)
{
    g_data_output_stream_put_byte(G_DATA_OUTPUT_STREAM(comm), (guchar)strlen(s), NULL, NULL);
    g_output_stream_write_all(G_OUTPUT_STREAM(comm), s, strlen(s), NULL, NULL, NULL);
}

static void on_parms(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)source;
    (void)res;
    Command *comm = command_new(43);
    command_put_uint16(comm, 1);
    command_put_string(comm, user_data);
    g_object_unref(comm);
}

int main(int argc, char **argv)
{
    GFile *file = g_file_new_for_path(argv[argc - 1]);
    g_file_query_info_async(file, "*", 0, G_PRIORITY_DEFAULT, NULL, on_parms, argv[0]);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
