/* A loop callback reads a pollable stream only after the stream said it is readable,
 * writes to another only after it said writable (an early return otherwise), and a
 * pollable source's callback reads the stream the source fires for. Why silent: the
 * glib model's readiness tests (g_pollable_input_stream_is_readable,
 * g_pollable_output_stream_is_writable) are true where each call runs, on the same
 * stream through its checked casts, and a source made by
 * g_pollable_input_stream_create_source hands its callback the ready stream. */
#include <gio/gio.h>

static GPollableInputStream *in;
static GPollableOutputStream *out;

static gboolean on_idle(gpointer data)
{
    char buf[64];
    (void)data;
    if (g_pollable_input_stream_is_readable(in))
        g_input_stream_read(G_INPUT_STREAM(in), buf, sizeof(buf), NULL, NULL);
    if (!g_pollable_output_stream_is_writable(G_POLLABLE_OUTPUT_STREAM(out)))
        return G_SOURCE_CONTINUE;
    g_output_stream_write(G_OUTPUT_STREAM(out), "ok", 2, NULL, NULL);
    return G_SOURCE_REMOVE;
}

static gboolean on_readable(GObject *stream, gpointer data)
{
    char buf[64];
    (void)data;
    g_input_stream_read(G_INPUT_STREAM(stream), buf, sizeof(buf), NULL, NULL);
    return G_SOURCE_CONTINUE;
}

int main(void)
{
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    GSource *source = g_pollable_input_stream_create_source(in, NULL);
    g_source_set_callback(source, (GSourceFunc)on_readable, NULL, NULL);
    g_source_attach(source, NULL);
    g_idle_add(on_idle, NULL);
    g_main_loop_run(loop);
    return 0;
}
