/* The twin of socket-io-ready-helper.c, where the helpers can wait. Why reported: read_some
 * is also called from a timeout with a socket no source said ready, so its receive may block
 * the loop; and the out source is kept in a field that also stores an idle source, so on_out's
 * socket parameter is not known ready and flush_all's write may wait. */
#include <gio/gio.h>

typedef struct {
    GSocket *socket;
    GSource *in_source;
    GSource *out_source;
    gchar buf[256];
} Side;

static gssize read_some(Side *side, GSocket *socket)
{
    return g_socket_receive(socket, side->buf, sizeof side->buf, NULL, NULL); // expect: SOVA005
}

static gboolean write_one(Side *side, GSocket *socket)
{
    return g_socket_send(socket, side->buf, 1, NULL, NULL) > 0; // expect: SOVA005
}

static gboolean flush_all(GSocket *socket, Side *side)
{
    return write_one(side, socket);
}

static gboolean on_in(GSocket *socket, GIOCondition condition, gpointer user_data)
{
    (void)condition;
    return read_some(user_data, socket) > 0;
}

static gboolean on_out(GSocket *socket, GIOCondition condition, gpointer user_data)
{
    (void)condition;
    return !flush_all(socket, user_data);
}

static gboolean on_poll(gpointer user_data)
{
    Side *side = user_data;
    read_some(side, side->socket);
    return G_SOURCE_CONTINUE;
}

void side_start(Side *side)
{
    side->in_source = g_socket_create_source(side->socket, G_IO_IN, NULL);
    g_source_set_callback(side->in_source, G_SOURCE_FUNC(on_in), side, NULL);
    g_source_attach(side->in_source, NULL);
    side->out_source = g_socket_create_source(side->socket, G_IO_OUT, NULL);
    g_source_set_callback(side->out_source, G_SOURCE_FUNC(on_out), side, NULL);
    g_source_attach(side->out_source, NULL);
    g_timeout_add(100, on_poll, side);
}

void side_retry(Side *side)
{
    side->out_source = g_idle_source_new();
}
