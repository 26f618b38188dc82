/* The program: a reply callback builds a command through the library's helpers. */
#include "command.h"

static void on_info(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)source;
    (void)res;
    (void)user_data;
    GDataOutputStream *cmd = command_new(7);
    command_put_uint32(cmd, 42);
    g_object_unref(cmd);
}

int main(int argc, char **argv)
{
    GFile *file = g_file_new_for_path(argv[argc - 1]);
    g_file_query_info_async(file, "*", 0, G_PRIORITY_DEFAULT, NULL, on_info, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
