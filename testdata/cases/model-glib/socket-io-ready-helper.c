/* A proxy's socket callbacks hand the socket their source said ready to helpers that do the
 * I/O, the shape of xdg-dbus-proxy's side_in_cb -> buffer_read and side_out_cb ->
 * send_outgoing_buffers -> buffer_write (flatpak-proxy.c:901, 982). Why silent: each source
 * is kept in a field whose every store is g_socket_create_source's result, so the callback's
 * socket parameter is ready; the static helpers, whose addresses are never taken, get that
 * socket from every caller, so their receive and send do not wait. */
#include <gio/gio.h>

typedef struct {
    GSocket *socket;
    GSource *in_source;
    GSource *out_source;
    gchar buf[256];
} Side;

static gssize read_some(Side *side, GSocket *socket)
{
    return g_socket_receive(socket, side->buf, sizeof side->buf, NULL, NULL);
}

static gboolean write_one(Side *side, GSocket *socket)
{
    return g_socket_send(socket, side->buf, 1, NULL, NULL) > 0;
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

void side_start(Side *side)
{
    side->in_source = g_socket_create_source(side->socket, G_IO_IN, NULL);
    g_source_set_callback(side->in_source, G_SOURCE_FUNC(on_in), side, NULL);
    g_source_attach(side->in_source, NULL);
    side->out_source = g_socket_create_source(side->socket, G_IO_OUT, NULL);
    g_source_set_callback(side->out_source, G_SOURCE_FUNC(on_out), side, NULL);
    g_source_attach(side->out_source, NULL);
}

void side_stop(Side *side)
{
    g_clear_pointer(&side->in_source, g_source_destroy);
    side->out_source = NULL;
}
