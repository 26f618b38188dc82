/* The library twin of stream-subclass-over-memory.c: command_put_uint32 is given only
 * memory-backed commands by the one program here, but this file defines no main and is
 * linked into the program as a library is: code outside the database may link it and
 * call command_put_uint32 with any stream. Why reported: its callers are not all known,
 * so what made its argument is not known either. */
#include "command.h"

GDataOutputStream *command_new(int type)
{
    GOutputStream *mem = g_memory_output_stream_new(NULL, 0, g_realloc, g_free);
    GDataOutputStream *cmd = g_object_new(G_TYPE_DATA_OUTPUT_STREAM, "base-stream", mem, NULL);
    g_object_unref(mem);
    g_data_output_stream_put_byte(cmd, type, NULL, NULL);
    return cmd;
}

void command_put_uint32(GDataOutputStream *cmd, guint32 val)
{
    g_data_output_stream_put_uint32(cmd, val, NULL, NULL); // expect: SOVA005
}
