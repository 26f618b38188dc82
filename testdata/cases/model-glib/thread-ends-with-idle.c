/* A worker thread's last act adds an idle callback that joins it: the
 * common GLib hand-back of a blocking job. Why silent: the idle callback
 * runs only after the thread's last act, so g_thread_join waits for a
 * thread that is returning. Beside it, the loader below adds its idle
 * callback before a second of work, and the join there waits (SOVA005). */
#include <glib.h>
#include <unistd.h>

typedef struct {
    GThread *thread;
    gchar *path;
    gchar *contents;
} Job;

static gboolean job_done(gpointer data)
{
    Job *job = data;
    g_thread_join(job->thread);
    g_free(job->path);
    return G_SOURCE_REMOVE;
}

static gpointer job_main(gpointer data)
{
    Job *job = data;
    g_file_get_contents(job->path, &job->contents, NULL, NULL);
    g_idle_add(job_done, job);
    return NULL;
}

void job_start(Job *job)
{
    job->thread = g_thread_new("job", job_main, job);
}

typedef struct {
    GThread *thread;
    int fd;
} Loader;

static gboolean loader_done(gpointer data)
{
    Loader *loader = data;
    g_thread_join(loader->thread); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

static gpointer loader_main(gpointer data)
{
    Loader *loader = data;
    g_idle_add(loader_done, loader);
    g_usleep(G_USEC_PER_SEC);
    close(loader->fd);
    return NULL;
}

void loader_start(Loader *loader)
{
    loader->thread = g_thread_new("loader", loader_main, loader);
}
