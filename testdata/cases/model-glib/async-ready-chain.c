/* The same download done right: each GAsyncReadyCallback starts the next *_async step and returns.
 * Why: nothing blocks on the main loop (no SOVA005); the blocking-looking g_file_load_contents in main runs
 * before the loop starts, outside any async context. */
#include <gio/gio.h>

struct copy {
    GMainLoop *loop;
    GInputStream *in;
    GOutputStream *out;
    char buf[8192];
};

static void on_read(GObject *source, GAsyncResult *res, gpointer user_data);

static void on_written(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct copy *c = user_data;
    if (!g_output_stream_write_all_finish(G_OUTPUT_STREAM(source), res, NULL, NULL)) {
        g_main_loop_quit(c->loop);
        return;
    }
    g_input_stream_read_async(c->in, c->buf, sizeof c->buf, G_PRIORITY_DEFAULT, NULL, on_read, c);
}

static void on_read(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct copy *c = user_data;
    gssize n = g_input_stream_read_finish(G_INPUT_STREAM(source), res, NULL);
    if (n <= 0) {
        g_main_loop_quit(c->loop);
        return;
    }
    g_output_stream_write_all_async(c->out, c->buf, (gsize)n, G_PRIORITY_DEFAULT, NULL, on_written, c);
}

static void on_dest_ready(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct copy *c = user_data;
    c->out = G_OUTPUT_STREAM(g_file_replace_finish(G_FILE(source), res, NULL));
    if (c->out)
        g_input_stream_read_async(c->in, c->buf, sizeof c->buf, G_PRIORITY_DEFAULT, NULL, on_read, c);
    else
        g_main_loop_quit(c->loop);
}

static void on_src_ready(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct copy *c = user_data;
    GFile *dest = g_object_get_data(G_OBJECT(source), "dest");
    c->in = G_INPUT_STREAM(g_file_read_finish(G_FILE(source), res, NULL));
    if (!c->in) {
        g_main_loop_quit(c->loop);
        return;
    }
    g_file_replace_async(dest, NULL, FALSE, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT, NULL, on_dest_ready, c);
}

int main(int argc, char **argv)
{
    static struct copy c;
    char *manifest = NULL;
    if (argc < 3)
        return 2;
    GFile *src = g_file_new_for_path(argv[1]);
    GFile *dest = g_file_new_for_path(argv[2]);
    if (g_file_load_contents(src, NULL, &manifest, NULL, NULL, NULL))
        g_free(manifest);
    g_object_set_data_full(G_OBJECT(src), "dest", dest, g_object_unref);
    c.loop = g_main_loop_new(NULL, FALSE);
    g_file_read_async(src, G_PRIORITY_DEFAULT, NULL, on_src_ready, &c);
    g_main_loop_run(c.loop);
    return 0;
}
