/* A task submitted to app->cpu waits on work submitted to app->io: different fields, different executors.
 * Why: not a self-wait (no SOVA004), but it still blocks a worker thread (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct app {
    fut_executor *cpu;
    fut_executor *io;
};

static void *load_texture(void *arg)
{
    return arg;
}

static void *build_scene(void *arg)
{
    struct app *app = arg;
    fut_future *tex = fut_submit(app->io, load_texture, app);
    void *t = fut_get(tex); // expect: SOVA001
    return t;
}

int main(void)
{
    static struct app app;
    app.cpu = fut_serial_new();
    app.io = fut_pool_new(4);
    fut_future *s = fut_submit(app.cpu, build_scene, &app);
    fut_free(s);
    return 0;
}
