/* Analysing GLib itself: g_spawn_async_with_pipes_and_fds forks an
 * intermediate child that forks the program and _exit()s at once, then
 * reaps it with waitpid; GLib's own launchers call it from main-loop
 * callbacks. Why: the glib model names the g_spawn_async family
 * nonblocking (the wait lasts one fork), so the waitpid inside is not
 * reported; g_spawn_sync, which waits for the program itself, is a blocking
 * call the model names, reported where on_check calls it (SOVA005). */
#include <glib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static gboolean fork_exec(const gchar *const *argv, gboolean intermediate_child, GPid *child_pid)
{
    pid_t pid = fork();
    if (pid < 0)
        return FALSE;
    if (pid == 0) {
        if (intermediate_child && fork() != 0)
            _exit(0);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    if (intermediate_child)
        waitpid(pid, NULL, 0);
    *child_pid = pid;
    return TRUE;
}

gboolean g_spawn_async_with_pipes_and_fds(const gchar *working_directory, const gchar *const *argv,
                                          const gchar *const *envp, GSpawnFlags flags,
                                          GSpawnChildSetupFunc child_setup, gpointer user_data, gint stdin_fd,
                                          gint stdout_fd, gint stderr_fd, const gint *source_fds,
                                          const gint *target_fds, gsize n_fds, GPid *child_pid_out,
                                          gint *stdin_pipe_out, gint *stdout_pipe_out, gint *stderr_pipe_out,
                                          GError **error)
{
    (void)working_directory, (void)envp, (void)child_setup, (void)user_data, (void)stdin_fd;
    (void)stdout_fd, (void)stderr_fd, (void)source_fds, (void)target_fds, (void)n_fds;
    (void)stdin_pipe_out, (void)stdout_pipe_out, (void)stderr_pipe_out, (void)error;
    return fork_exec(argv, !(flags & G_SPAWN_DO_NOT_REAP_CHILD), child_pid_out);
}

gboolean g_spawn_sync(const gchar *working_directory, gchar **argv, gchar **envp, GSpawnFlags flags,
                      GSpawnChildSetupFunc child_setup, gpointer user_data, gchar **standard_output,
                      gchar **standard_error, gint *wait_status, GError **error)
{
    GPid pid;
    (void)working_directory, (void)envp, (void)flags, (void)child_setup, (void)user_data;
    (void)standard_output, (void)standard_error, (void)error;
    if (!fork_exec((const gchar *const *)argv, FALSE, &pid))
        return FALSE;
    return waitpid(pid, wait_status, 0) == pid;
}

static gboolean on_launch(gpointer data)
{
    const gchar *argv[] = { data, NULL };
    GPid pid;
    g_spawn_async_with_pipes_and_fds(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, -1, -1, -1, NULL, NULL, 0, &pid,
                                     NULL, NULL, NULL, NULL);
    return G_SOURCE_REMOVE;
}

static gboolean on_check(gpointer data)
{
    gchar *argv[] = { data, NULL };
    gint status;
    g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL); // expect: SOVA005
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(on_launch, "/bin/true");
    g_idle_add(on_check, "/bin/true");
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
