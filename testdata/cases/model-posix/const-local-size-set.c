/* The true shape beside const-local-size.c: the timer reopens the cache with its full size, so
 * the const local holds true and the whole file is preallocated on the loop thread
 * (SOVA005; local-file I/O, a note). */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

static int cache_fd = -1;

static int open_env(size_t mapsize)
{
    const bool size_requested = mapsize;
    if (size_requested)
        return posix_fallocate(cache_fd, 0, (off_t)mapsize); // expect: SOVA005
    return 0;
}

static void health_timer_cb(uv_timer_t *t)
{
    (void)t;
    open_env(100 << 20);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t health;
    cache_fd = open("/var/cache/app/data.mdb", O_RDWR | O_CREAT, 0600);
    open_env(100 << 20);
    uv_timer_init(loop, &health);
    uv_timer_start(&health, health_timer_cb, 5000, 5000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
