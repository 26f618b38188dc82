/* A SIGCHLD handler on the libuv loop reaps children. Why: waitpid(-1, &st, WNOHANG) returns at once and is
 * the right idiom (no result); waitpid(pid, &st, 0), wait() and system() wait for a child process on the
 * loop thread (SOVA005). */
#include <stdlib.h>
#include <sys/wait.h>
#include <uv.h>

static pid_t compactor = -1;

static void on_sigchld(uv_signal_t *h, int signum)
{
    int status;
    pid_t pid;
    (void)h; (void)signum;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        if (pid == compactor)
            compactor = -1;
}

static void on_sigusr1(uv_signal_t *h, int signum)
{
    int status;
    (void)h; (void)signum;
    if (compactor > 0)
        waitpid(compactor, &status, 0); // expect: SOVA005
    wait(&status); // expect: SOVA005
    system("/usr/local/bin/rotate-logs"); // expect: SOVA005
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_signal_t chld, usr1;
    system("/usr/local/bin/prepare-dirs");
    uv_signal_init(loop, &chld);
    uv_signal_start(&chld, on_sigchld, SIGCHLD);
    uv_signal_init(loop, &usr1);
    uv_signal_start(&usr1, on_sigusr1, SIGUSR1);
    return uv_run(loop, UV_RUN_DEFAULT);
}
