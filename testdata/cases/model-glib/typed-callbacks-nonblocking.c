/* Look-alikes of typed-callbacks-block.c whose callbacks are not loop contexts. Why
 * each is silent: g_list_foreach runs its GFunc at once, in the caller (main, before
 * the loop); a GCallback connected with g_signal_connect runs in the thread that emits
 * the signal, here main; g_file_copy's GFileProgressCallback runs in the thread doing
 * the synchronous copy, here main; and a GDBusMessageFilterFunction runs in GDBus's
 * worker thread, not on a main context. GFunc, GCallback and the progress and filter
 * types are not given a context: what runs them is the call, not the type. */
#include <gio/gio.h>

static void visit(gpointer item, gpointer user_data)
{
    (void)item;
    (void)user_data;
    g_usleep(1000);
}

static void on_changed(GObject *object, GParamSpec *pspec, gpointer user_data)
{
    (void)object;
    (void)pspec;
    (void)user_data;
    g_usleep(1000);
}

static void on_progress(goffset current, goffset total, gpointer user_data)
{
    (void)current;
    (void)total;
    (void)user_data;
    g_usleep(1000);
}

static GDBusMessage *on_message(GDBusConnection *bus, GDBusMessage *message, gboolean incoming, gpointer user_data)
{
    (void)bus;
    (void)incoming;
    (void)user_data;
    g_usleep(1000);
    return message;
}

int main(void)
{
    GList *items = g_list_append(NULL, "a");
    GFile *from = g_file_new_for_path("/tmp/a");
    GFile *to = g_file_new_for_path("/tmp/b");
    GDBusConnection *bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
    GObject *obj = g_object_new(G_TYPE_OBJECT, NULL);
    g_list_foreach(items, visit, NULL);
    g_signal_connect(obj, "notify", G_CALLBACK(on_changed), NULL);
    g_object_notify(obj, "x");
    g_file_copy(from, to, G_FILE_COPY_NONE, NULL, on_progress, NULL, NULL);
    g_dbus_connection_add_filter(bus, on_message, NULL, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
