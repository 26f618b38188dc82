/* The shapes of pollable-read-when-readable.c gone wrong: the read runs when the
 * stream said it is not readable, the write tests another stream's readiness,
 * read_all after a readiness test (it waits for all the bytes asked, not for the
 * first), and a pollable source's callback reads another stream than the one it fires for.
 * Why reported: no true readiness test of the same stream holds at those calls. */
#include <gio/gio.h>

static GPollableInputStream *in;
static GPollableOutputStream *out, *other;
static GInputStream *other_in;

static gboolean on_idle(gpointer data)
{
    char buf[64];
    (void)data;
    if (!g_pollable_input_stream_is_readable(in))
        g_input_stream_read(G_INPUT_STREAM(in), buf, sizeof(buf), NULL, NULL); // expect: SOVA005
    if (g_pollable_output_stream_is_writable(other))
        g_output_stream_write(G_OUTPUT_STREAM(out), "ok", 2, NULL, NULL); // expect: SOVA005
    if (g_pollable_input_stream_is_readable(in))
        g_input_stream_read_all(G_INPUT_STREAM(in), buf, sizeof(buf), NULL, NULL, NULL); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

static gboolean on_readable(GObject *stream, gpointer data)
{
    char buf[64];
    (void)stream;
    (void)data;
    g_input_stream_read(other_in, buf, sizeof(buf), NULL, NULL); // expect: SOVA005
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
