/* Main-loop sources (idle_add_full, timeout_add_full, child watch, a GSource with g_source_set_callback,
 * g_main_context_invoke) that wait on a GCond, join a thread, sleep, or call D-Bus synchronously via a helper.
 * Why: each blocks the single main-loop thread (SOVA005, at the innermost call). The same calls in a
 * dedicated g_thread_new thread are not reported. */
#include <gio/gio.h>

struct job {
    GMutex lock;
    GCond done_cond;
    gboolean done;
    GThread *thread;
    GDBusConnection *bus;
};

static gboolean wait_for_job(gpointer user_data)
{
    struct job *job = user_data;
    g_mutex_lock(&job->lock);
    while (!job->done)
        g_cond_wait(&job->done_cond, &job->lock); // expect: SOVA005
    g_mutex_unlock(&job->lock);
    return G_SOURCE_REMOVE;
}

static gboolean wait_for_job_a_bit(gpointer user_data)
{
    struct job *job = user_data;
    gint64 deadline = g_get_monotonic_time() + 200 * G_TIME_SPAN_MILLISECOND;
    g_mutex_lock(&job->lock);
    while (!job->done)
        if (!g_cond_wait_until(&job->done_cond, &job->lock, deadline)) // expect: SOVA005
            break;
    g_mutex_unlock(&job->lock);
    return G_SOURCE_CONTINUE;
}

static void on_helper_exit(GPid pid, gint status, gpointer user_data)
{
    struct job *job = user_data;
    (void)status;
    g_spawn_close_pid(pid);
    g_thread_join(job->thread); // expect: SOVA005
}

static gboolean throttle(gpointer user_data)
{
    (void)user_data;
    g_usleep(100 * 1000); // expect: SOVA005
    return G_SOURCE_CONTINUE;
}

static void report_state(GDBusConnection *bus)
{
    GVariant *v = g_dbus_connection_call_sync(bus, "org.example.Jobs", "/org/example/Jobs", // expect: SOVA005
                                              "org.example.Jobs", "Report", NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                                              NULL, NULL);
    if (v)
        g_variant_unref(v);
}

static gboolean report_from_loop(gpointer user_data)
{
    struct job *job = user_data;
    report_state(job->bus);
    return G_SOURCE_REMOVE;
}

static gpointer job_thread(gpointer data)
{
    struct job *job = data;
    g_usleep(500 * 1000);
    report_state(job->bus);
    g_mutex_lock(&job->lock);
    job->done = TRUE;
    g_cond_signal(&job->done_cond);
    g_mutex_unlock(&job->lock);
    return NULL;
}

static gpointer supervisor_thread(gpointer data)
{
    struct job *job = data;
    g_mutex_lock(&job->lock);
    while (!job->done)
        g_cond_wait(&job->done_cond, &job->lock);
    g_mutex_unlock(&job->lock);
    g_thread_join(job->thread);
    return NULL;
}

int main(int argc, char **argv)
{
    static struct job job;
    GPid pid;
    char *helper[] = { argc > 1 ? argv[1] : "/bin/true", NULL };
    g_mutex_init(&job.lock);
    g_cond_init(&job.done_cond);
    job.bus = g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, NULL);
    job.thread = g_thread_new("job", job_thread, &job);
    g_thread_unref(g_thread_new("supervisor", supervisor_thread, &job));

    g_idle_add_full(G_PRIORITY_LOW, wait_for_job, &job, NULL);
    g_timeout_add_full(G_PRIORITY_DEFAULT, 50, wait_for_job_a_bit, &job, NULL);
    if (g_spawn_async(NULL, helper, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL))
        g_child_watch_add(pid, on_helper_exit, &job);
    GSource *src = g_timeout_source_new(10);
    g_source_set_callback(src, throttle, NULL, NULL);
    g_source_attach(src, NULL);
    g_source_unref(src);
    g_main_context_invoke(NULL, report_from_loop, &job);

    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_main_loop_run(loop);
    return 0;
}
