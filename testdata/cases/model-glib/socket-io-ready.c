/* GSocket I/O that cannot block where it is. Why each is silent: on_readable is the
 * callback of a source g_socket_create_source made for the socket it receives, so the
 * socket said readable (GIO's gsocketlistener.c accept_ready), even with a blocking
 * receive (glib's proxy-test.c:496); flush_queue writes on the
 * peer's socket, which open_peer set non-blocking; try_send sends and, on WOULD_BLOCK,
 * watches the same socket, the try-then-wait shape of GIO's D-Bus writer; poll_once asks
 * for datagrams with a timeout of 0. */
#include <gio/gio.h>

struct peer {
    GSocket *socket;
    gchar buf[64];
};

struct writer {
    GSocket *out;
    gchar buf[64];
};

static gboolean on_readable(GSocket *socket, GIOCondition condition, gpointer user_data)
{
    struct peer *p = user_data;
    (void)condition;
    if (g_socket_receive_with_blocking(socket, p->buf, 1, TRUE, NULL, NULL) <= 0)
        return G_SOURCE_REMOVE;
    return g_socket_receive(socket, p->buf, sizeof p->buf, NULL, NULL) > 0;
}

static gboolean flush_queue(gpointer user_data)
{
    struct peer *p = user_data;
    g_socket_send(p->socket, p->buf, 1, NULL, NULL);
    return G_SOURCE_REMOVE;
}

static gboolean try_send(gpointer user_data)
{
    struct writer *w = user_data;
    GError *error = NULL;
    GSocket *sock = w->out;
    if (g_socket_send(sock, w->buf, 1, NULL, &error) < 0 &&
        g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
        GSource *source = g_socket_create_source(sock, G_IO_OUT, NULL);
        g_source_set_callback(source, try_send, w, NULL);
        g_source_attach(source, NULL);
    }
    g_clear_error(&error);
    return G_SOURCE_REMOVE;
}

static gboolean poll_once(gpointer user_data)
{
    struct peer *p = user_data;
    GInputMessage message = { 0 };
    g_datagram_based_receive_messages(G_DATAGRAM_BASED(p->socket), &message, 1, 0, 0, NULL, NULL);
    return G_SOURCE_REMOVE;
}

void open_peer(struct peer *p, struct writer *w, GSocket *socket)
{
    p->socket = socket;
    g_socket_set_blocking(p->socket, FALSE);
    GSource *source = g_socket_create_source(socket, G_IO_IN, NULL);
    g_source_set_callback(source, (GSourceFunc)on_readable, p, NULL);
    g_source_attach(source, NULL);
    g_idle_add(flush_queue, p);
    g_idle_add(try_send, w);
    g_idle_add(poll_once, p);
}
