/* The silent shape beside child-and-disk-in-callback.c: the callback starts the archiver
 * with popen and polls for stopped or exited children with WNOHANG | WUNTRACED, and the
 * preallocation runs in main before the loop. Why: popen only waits for the shell's exec,
 * WNOHANG returns at once, and main is not a loop callback; no result. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <uv.h>

static FILE *archiver;

static void on_rotate(uv_timer_t *t)
{
    int status;
    (void)t;
    if (!archiver)
        archiver = popen("gzip -9 /var/log/app.log.1", "r");
    while (waitpid(-1, &status, WNOHANG | WUNTRACED) > 0)
        ;
}

int main(void)
{
    int log = open("/var/log/app.log", O_WRONLY | O_CREAT, 0644);
    posix_fallocate(log, 0, 64 << 20);
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t rotate;
    uv_timer_init(loop, &rotate);
    uv_timer_start(&rotate, on_rotate, 3600000, 3600000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
