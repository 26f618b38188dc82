/* Writes from a loop callback to streams held in a struct's fields, the shape of GLib's
 * g_subprocess_communicate_made_progress (gsubprocess.c:1338). Why silent: the callback
 * writes to its source object only after testing that it is state->out or state->err, and
 * to state->out directly; on_flushed tests its parameter against state->err; every store the program makes into those two fields is a new
 * GMemoryOutputStream, and a write into memory does no I/O. */
#include <gio/gio.h>

typedef struct {
    GOutputStream *out;
    GOutputStream *err;
    GFile *log;
} Capture;

static void on_spliced(GObject *source_object, GAsyncResult *result, gpointer user_data)
{
    Capture *state = user_data;
    gpointer source = source_object;
    if (source == state->out || source == state->err) {
        g_output_stream_splice_finish(G_OUTPUT_STREAM(source), result, NULL);
        if (source == state->out || source == state->err)
            g_output_stream_write_all(source, "\0", 1, NULL, NULL, NULL);
    }
    g_output_stream_write_all(state->out, "\n", 1, NULL, NULL, NULL);
}

static void on_flushed(GObject *source_object, GAsyncResult *result, gpointer user_data)
{
    Capture *state = user_data;
    g_output_stream_flush_finish(G_OUTPUT_STREAM(source_object), result, NULL);
    if (source_object == (GObject *)state->err)
        g_output_stream_write_all(G_OUTPUT_STREAM(source_object), "\n", 1, NULL, NULL, NULL);
}

static Capture *capture_new(const char *path)
{
    Capture *state = g_new0(Capture, 1);
    state->out = g_memory_output_stream_new_resizable();
    state->err = g_memory_output_stream_new_resizable();
    state->log = g_file_new_for_path(path);
    return state;
}

static void capture_free(Capture *state)
{
    g_clear_object(&state->out);
    g_clear_object(&state->err);
    g_clear_object(&state->log);
    g_free(state);
}

int main(void)
{
    Capture *state = capture_new("/tmp/capture.log");
    GInputStream *in = g_memory_input_stream_new_from_data("hello", 5, NULL);
    g_output_stream_splice_async(state->out, in, 0, G_PRIORITY_DEFAULT, NULL, on_spliced, state);
    g_output_stream_flush_async(state->err, G_PRIORITY_DEFAULT, NULL, on_flushed, state);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    capture_free(state);
    return 0;
}
