/* A libuv timer callback saves the state file under a lock the other instances of the
 * program take too. Why: fcntl(F_SETLKW), flock(LOCK_EX) and lockf(F_LOCK) wait until
 * every other process that holds the lock lets it go, for as long as that takes, on the
 * loop thread (SOVA005; dconf-service's keyfile writer, dconf-keyfile-writer.c:233). */
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <uv.h>

static int state_fd = -1;

static void on_save(uv_timer_t *t)
{
    struct flock whole = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    (void)t;
    fcntl(state_fd, F_SETLKW, &whole); // expect: SOVA005
    flock(state_fd, LOCK_EX); // expect: SOVA005
    flock(state_fd, LOCK_SH); // expect: SOVA005
    lockf(state_fd, F_LOCK, 0); // expect: SOVA005
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t save;
    uv_timer_init(loop, &save);
    uv_timer_start(&save, on_save, 1000, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
