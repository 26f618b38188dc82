/* fut_get() on a future returned by start_thumbnail(), which returns start_decode(), which returns
 * fut_submit(...). Why: two layers of "async" helpers still end in wrap-then-block (SOVA002 at the wait). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_pool;

static void *decode(void *arg)
{
    return arg;
}

static fut_future *start_decode(const char *path)
{
    return fut_submit(g_pool, decode, (void *)path);
}

static fut_future *start_thumbnail(const char *path)
{
    return start_decode(path);
}

void preload(const char *path)
{
    fut_future *f = start_decode(path);
    fut_wait(f); // expect: SOVA002
    fut_free(f);
}

int main(void)
{
    g_pool = fut_pool_new(2);
    preload("logo.png");
    void *img = fut_get(start_thumbnail("cat.png")); // expect: SOVA002
    return img != NULL;
}
