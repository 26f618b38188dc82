/* A libuv timer callback rotates a log: it preallocates the next file, pipes the old one
 * through gzip and reaps a child stopped or exited. Why: posix_fallocate waits for the file
 * system, pclose for the command to exit, and waitpid with WUNTRACED (no WNOHANG) for the
 * child, all on the loop thread (SOVA005). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <uv.h>

static int next_log = -1;
static pid_t archiver = -1;

static void on_rotate(uv_timer_t *t)
{
    int status;
    (void)t;
    posix_fallocate(next_log, 0, 64 << 20); // expect: SOVA005
    FILE *gz = popen("gzip -9 /var/log/app.log.1", "r");
    if (gz)
        pclose(gz); // expect: SOVA005
    if (archiver > 0)
        waitpid(archiver, &status, WUNTRACED); // expect: SOVA005
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t rotate;
    uv_timer_init(loop, &rotate);
    uv_timer_start(&rotate, on_rotate, 3600000, 3600000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
