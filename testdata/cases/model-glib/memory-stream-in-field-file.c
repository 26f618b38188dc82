/* The twin of memory-stream-in-field.c where the streams are not all in memory. Why each
 * is reported: the callback's tests say its source is state->out or state->log_out, and
 * log_out also holds a file's stream (g_file_append_to), whose write waits on the disk
 * (on_flushed tests its parameter against log_out alone); state->err is handed to
 * g_set_object, which may store any stream into it. */
#include <gio/gio.h>

typedef struct {
    GOutputStream *out;
    GOutputStream *err;
    GOutputStream *log_out;
} Capture;

static void on_spliced(GObject *source_object, GAsyncResult *result, gpointer user_data)
{
    Capture *state = user_data;
    gpointer source = source_object;
    if (source == state->out || source == state->log_out) {
        g_output_stream_splice_finish(G_OUTPUT_STREAM(source), result, NULL);
        g_output_stream_write_all(source, "\0", 1, NULL, NULL, NULL); // expect: SOVA005
    }
    g_output_stream_write_all(state->err, "\n", 1, NULL, NULL, NULL); // expect: SOVA005
}

static void on_flushed(GObject *source_object, GAsyncResult *result, gpointer user_data)
{
    Capture *state = user_data;
    g_output_stream_flush_finish(G_OUTPUT_STREAM(source_object), result, NULL);
    if (source_object == (GObject *)state->log_out)
        g_output_stream_write_all(G_OUTPUT_STREAM(source_object), "\n", 1, NULL, NULL, NULL); // expect: SOVA005
}

static Capture *capture_new(const char *path)
{
    Capture *state = g_new0(Capture, 1);
    GFile *file = g_file_new_for_path(path);
    state->out = g_memory_output_stream_new_resizable();
    state->err = g_memory_output_stream_new_resizable();
    state->log_out = g_memory_output_stream_new_resizable();
    if (path)
        state->log_out = G_OUTPUT_STREAM(g_file_append_to(file, G_FILE_CREATE_NONE, NULL, NULL));
    g_object_unref(file);
    return state;
}

static void capture_redirect(Capture *state, GOutputStream *to)
{
    g_set_object(&state->err, to);
}

int main(int argc, char **argv)
{
    Capture *state = capture_new(argc > 1 ? argv[1] : NULL);
    GInputStream *in = g_memory_input_stream_new_from_data("hello", 5, NULL);
    if (argc > 2)
        capture_redirect(state, G_OUTPUT_STREAM(g_file_append_to(g_file_new_for_path(argv[2]), 0, NULL, NULL)));
    g_output_stream_splice_async(state->out, in, 0, G_PRIORITY_DEFAULT, NULL, on_spliced, state);
    g_output_stream_flush_async(state->log_out, G_PRIORITY_DEFAULT, NULL, on_flushed, state);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
