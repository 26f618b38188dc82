/* A libuv timer callback tries the state file's lock and lets it go. Why silent: F_SETLK,
 * LOCK_NB and F_TLOCK fail at once when another process holds the lock, and an unlock
 * (LOCK_UN, F_ULOCK, F_UNLCK) never waits: knot-resolver's lock_unlock,
 * tls_ephemeral_credentials.c:47, in a TLS accept callback. */
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <uv.h>

static int state_fd = -1;

static void on_try_save(uv_timer_t *t)
{
    struct flock whole = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    (void)t;
    if (fcntl(state_fd, F_SETLK, &whole) == 0) {
        whole.l_type = F_UNLCK;
        fcntl(state_fd, F_SETLK, &whole);
    }
    if (flock(state_fd, LOCK_EX | LOCK_NB) == 0)
        flock(state_fd, LOCK_UN);
    if (lockf(state_fd, F_TLOCK, 0) == 0)
        lockf(state_fd, F_ULOCK, 0);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t save;
    uv_timer_init(loop, &save);
    uv_timer_start(&save, on_try_save, 1000, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
