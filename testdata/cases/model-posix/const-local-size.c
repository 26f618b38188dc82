/* knot-resolver's cache: open_env(mapsize) preallocates the file only when a size was
 * asked for, through `const bool size_requested = mapsize;`; the health-check timer reopens
 * the cache with mapsize 0. Why: the const local is the parameter's test, and 0 makes the
 * posix_fallocate dead on the loop; no result. */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

static int cache_fd = -1;

static int open_env(size_t mapsize)
{
    const bool size_requested = mapsize;
    if (size_requested)
        return posix_fallocate(cache_fd, 0, (off_t)mapsize);
    return 0;
}

static void health_timer_cb(uv_timer_t *t)
{
    (void)t;
    open_env(0);
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
