/* Callbacks found by their declared type, passed to GIO and GLib calls no model
 * names one by one. Why each result: g_file_replace_async's and a program's own
 * wrapper's GAsyncReadyCallback, a D-Bus signal subscription's GDBusSignalCallback,
 * g_bus_own_name's GBusNameAcquiredCallback and g_unix_fd_add's GUnixFDSourceFunc all
 * run on the thread-default main context, so the sleep, the file load, the condition
 * wait, the nested loop and the subprocess wait in them block the loop (SOVA005). */
#include <gio/gio.h>
#include <glib-unix.h>

struct job {
    GMainLoop *loop;
    GFile *file;
    GSubprocess *child;
    GMutex lock;
    GCond done;
    gboolean finished;
};

static void on_replaced(GObject *source, GAsyncResult *res, gpointer user_data)
{
    (void)source;
    (void)res;
    (void)user_data;
    g_usleep(1000); // expect: SOVA005
}

static void on_listed(GObject *source, GAsyncResult *res, gpointer user_data)
{
    struct job *j = user_data;
    char *contents = NULL;
    (void)source;
    (void)res;
    g_file_load_contents(j->file, NULL, &contents, NULL, NULL, NULL); // expect: SOVA005
    g_free(contents);
}

static void on_signal(GDBusConnection *bus, const char *sender, const char *path, const char *iface,
                      const char *name, GVariant *params, gpointer user_data)
{
    struct job *j = user_data;
    (void)bus;
    (void)sender;
    (void)path;
    (void)iface;
    (void)name;
    (void)params;
    g_mutex_lock(&j->lock);
    while (!j->finished)
        g_cond_wait(&j->done, &j->lock); // expect: SOVA005
    g_mutex_unlock(&j->lock);
}

static void on_name(GDBusConnection *bus, const char *name, gpointer user_data)
{
    struct job *j = user_data;
    (void)bus;
    (void)name;
    g_main_loop_run(j->loop); // expect: SOVA005
}

static gboolean on_fd(gint fd, GIOCondition condition, gpointer user_data)
{
    struct job *j = user_data;
    (void)fd;
    (void)condition;
    g_subprocess_wait(j->child, NULL, NULL); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

/* The program's own async API, in GIO's shape: its callback is typed too. */
static void job_list_async(struct job *j, GAsyncReadyCallback callback, gpointer user_data)
{
    GTask *task = g_task_new(j->file, NULL, callback, user_data);
    g_task_return_boolean(task, TRUE);
    g_object_unref(task);
}

int main(void)
{
    static struct job j;
    GDBusConnection *bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
    j.loop = g_main_loop_new(NULL, FALSE);
    j.file = g_file_new_for_path("/tmp/report");
    g_file_replace_async(j.file, NULL, FALSE, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT, NULL, on_replaced, &j);
    job_list_async(&j, on_listed, &j);
    g_dbus_connection_signal_subscribe(bus, NULL, "org.example.Jobs", "Done", NULL, NULL,
                                       G_DBUS_SIGNAL_FLAGS_NONE, on_signal, &j, NULL);
    g_bus_own_name(G_BUS_TYPE_SESSION, "org.example.Jobs", G_BUS_NAME_OWNER_FLAGS_NONE, NULL, on_name, NULL, &j,
                   NULL);
    g_unix_fd_add(0, G_IO_IN, on_fd, &j);
    g_main_loop_run(j.loop);
    return 0;
}
