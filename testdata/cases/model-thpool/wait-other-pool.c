/* A render job on app->render waits for the texture loads it queued on app->io.
 * Why: not a self-wait (different pools, no SOVA004), but it parks a render thread until the I/O pool is
 * idle (SOVA001). */
#include <stdlib.h>
#include "thpool.h"

struct app {
    threadpool render;
    threadpool io;
    char *textures[16];
};

struct load {
    struct app *app;
    int index;
};

static void load_texture(void *arg)
{
    struct load *l = arg;
    l->app->textures[l->index] = malloc(4096);
}

static void render_frame(void *arg)
{
    struct app *app = arg;
    struct load loads[16];
    for (int i = 0; i < 16; i++) {
        loads[i].app = app;
        loads[i].index = i;
        thpool_add_work(app->io, load_texture, &loads[i]);
    }
    thpool_wait(app->io); // expect: SOVA001
}

int main(void)
{
    static struct app app;
    app.render = thpool_init(2);
    app.io = thpool_init(8);
    thpool_add_work(app.render, render_frame, &app);
    thpool_wait(app.render);
    thpool_destroy(app.io);
    thpool_destroy(app.render);
    return 0;
}
