/* The look-alikes of socket-io-ready.c that do block the loop. Why each is reported:
 * on_tick receives on a socket that no source watched for it and nothing set
 * non-blocking (a GSocket is blocking when made); on_readable's source watches the
 * control socket, but it reads the data socket and forwards to it with a blocking send
 * (glib's proxy-test.c:519); accept_next accepts on a listening
 * socket that is blocking; wait_datagram waits with no timeout (-1). */
#include <gio/gio.h>

struct conn {
    GSocket *data;
    GSocket *control;
    GSocket *listener;
    gchar buf[64];
};

static gboolean on_tick(gpointer user_data)
{
    struct conn *c = user_data;
    g_socket_receive(c->data, c->buf, sizeof c->buf, NULL, NULL); // expect: SOVA005
    return G_SOURCE_CONTINUE;
}

static gboolean on_readable(GSocket *socket, GIOCondition condition, gpointer user_data)
{
    struct conn *c = user_data;
    (void)socket;
    (void)condition;
    g_socket_receive(c->data, c->buf, sizeof c->buf, NULL, NULL); // expect: SOVA005
    g_socket_send_with_blocking(c->data, c->buf, 1, TRUE, NULL, NULL); // expect: SOVA005
    return G_SOURCE_CONTINUE;
}

static gboolean accept_next(gpointer user_data)
{
    struct conn *c = user_data;
    GSocket *client = g_socket_accept(c->listener, NULL, NULL); // expect: SOVA005
    if (client)
        g_object_unref(client);
    return G_SOURCE_CONTINUE;
}

static gboolean wait_datagram(gpointer user_data)
{
    struct conn *c = user_data;
    GInputMessage message = { 0 };
    g_datagram_based_receive_messages(G_DATAGRAM_BASED(c->control), &message, 1, 0, -1, NULL, NULL); // expect: SOVA005
    return G_SOURCE_CONTINUE;
}

void start(struct conn *c)
{
    GSource *source = g_socket_create_source(c->control, G_IO_IN, NULL);
    g_source_set_callback(source, (GSourceFunc)on_readable, c, NULL);
    g_source_attach(source, NULL);
    g_timeout_add(100, on_tick, c);
    g_idle_add(accept_next, c);
    g_idle_add(wait_datagram, c);
}
