/* The twin of data-stream-many-callers.c where one more caller, the last, gives put_string
 * a data stream over a file. Why each is reported: that caller's stream writes to the disk,
 * so put_string's parameter is not made by a memory stream on every path.
 */
#include <gio/gio.h>

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

static void send_op0(const char *path)
{
    GDataOutputStream *command = new_command(0);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op1(const char *path)
{
    GDataOutputStream *command = new_command(1);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op2(const char *path)
{
    GDataOutputStream *command = new_command(2);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op3(const char *path)
{
    GDataOutputStream *command = new_command(3);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op4(const char *path)
{
    GDataOutputStream *command = new_command(4);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op5(const char *path)
{
    GDataOutputStream *command = new_command(5);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op6(const char *path)
{
    GDataOutputStream *command = new_command(6);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op7(const char *path)
{
    GDataOutputStream *command = new_command(7);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op8(const char *path)
{
    GDataOutputStream *command = new_command(8);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op9(const char *path)
{
    GDataOutputStream *command = new_command(9);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op10(const char *path)
{
    GDataOutputStream *command = new_command(10);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op11(const char *path)
{
    GDataOutputStream *command = new_command(11);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op12(const char *path)
{
    GDataOutputStream *command = new_command(12);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op13(const char *path)
{
    GDataOutputStream *command = new_command(13);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op14(const char *path)
{
    GDataOutputStream *command = new_command(14);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op15(const char *path)
{
    GDataOutputStream *command = new_command(15);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op16(const char *path)
{
    GDataOutputStream *command = new_command(16);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op17(const char *path)
{
    GDataOutputStream *command = new_command(17);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op18(const char *path)
{
    GDataOutputStream *command = new_command(18);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op19(const char *path)
{
    GDataOutputStream *command = new_command(19);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op20(const char *path)
{
    GDataOutputStream *command = new_command(20);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op21(const char *path)
{
    GDataOutputStream *command = new_command(21);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op22(const char *path)
{
    GDataOutputStream *command = new_command(22);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op23(const char *path)
{
    GDataOutputStream *command = new_command(23);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op24(const char *path)
{
    GDataOutputStream *command = new_command(24);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op25(const char *path)
{
    GDataOutputStream *command = new_command(25);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op26(const char *path)
{
    GDataOutputStream *command = new_command(26);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op27(const char *path)
{
    GDataOutputStream *command = new_command(27);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op28(const char *path)
{
    GDataOutputStream *command = new_command(28);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op29(const char *path)
{
    GDataOutputStream *command = new_command(29);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op30(const char *path)
{
    GDataOutputStream *command = new_command(30);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op31(const char *path)
{
    GDataOutputStream *command = new_command(31);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op32(const char *path)
{
    GDataOutputStream *command = new_command(32);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op33(const char *path)
{
    GDataOutputStream *command = new_command(33);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op34(const char *path)
{
    GDataOutputStream *command = new_command(34);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op35(const char *path)
{
    GDataOutputStream *command = new_command(35);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op36(const char *path)
{
    GDataOutputStream *command = new_command(36);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op37(const char *path)
{
    GDataOutputStream *command = new_command(37);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op38(const char *path)
{
    GDataOutputStream *command = new_command(38);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op39(const char *path)
{
    GDataOutputStream *command = new_command(39);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op40(const char *path)
{
    GDataOutputStream *command = new_command(40);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op41(const char *path)
{
    GDataOutputStream *command = new_command(41);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op42(const char *path)
{
    GDataOutputStream *command = new_command(42);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op43(const char *path)
{
    GDataOutputStream *command = new_command(43);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op44(const char *path)
{
    GDataOutputStream *command = new_command(44);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op45(const char *path)
{
    GDataOutputStream *command = new_command(45);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op46(const char *path)
{
    GDataOutputStream *command = new_command(46);
    put_string(command, path);
    g_object_unref(command);
}

static void send_op47(const char *path)
{
    GDataOutputStream *command = new_command(47);
    put_string(command, path);
    g_object_unref(command);
}

static gboolean on_tick(gpointer user_data)
{
    const char *path = user_data;
    send_op0(path);
    send_op1(path);
    send_op2(path);
    send_op3(path);
    send_op4(path);
    send_op5(path);
    send_op6(path);
    send_op7(path);
    send_op8(path);
    send_op9(path);
    send_op10(path);
    send_op11(path);
    send_op12(path);
    send_op13(path);
    send_op14(path);
    send_op15(path);
    send_op16(path);
    send_op17(path);
    send_op18(path);
    send_op19(path);
    send_op20(path);
    send_op21(path);
    send_op22(path);
    send_op23(path);
    send_op24(path);
    send_op25(path);
    send_op26(path);
    send_op27(path);
    send_op28(path);
    send_op29(path);
    send_op30(path);
    send_op31(path);
    send_op32(path);
    send_op33(path);
    send_op34(path);
    send_op35(path);
    send_op36(path);
    send_op37(path);
    send_op38(path);
    send_op39(path);
    send_op40(path);
    send_op41(path);
    send_op42(path);
    send_op43(path);
    send_op44(path);
    send_op45(path);
    send_op46(path);
    send_op47(path);
    GDataOutputStream *direct = g_data_output_stream_new(G_OUTPUT_STREAM(g_file_append_to(g_file_new_for_path(path), G_FILE_CREATE_NONE, NULL, NULL))); // expect: SOVA005
    put_string(direct, "over a file");
    return G_SOURCE_CONTINUE;
}

int main(int argc, char **argv)
{
    g_timeout_add(100, on_tick, argv[argc - 1]);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
