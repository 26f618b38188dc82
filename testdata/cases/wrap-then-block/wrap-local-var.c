/* The future of a submit is kept in a local, unrelated synchronous work happens, then it is awaited.
 * Why: no other async work was started in between, so submit+wait is just a slow synchronous call (SOVA002). */
#include <stdio.h>
#include <string.h>
#include "fut.h"

struct config {
    int workers;
};

static void *parse_config(void *arg)
{
    static struct config cfg;
    cfg.workers = (int)strlen(arg);
    return &cfg;
}

static void *compact_db(void *arg)
{
    return arg;
}

struct config *load_config(fut_executor *ex, const char *path)
{
    fut_future *f = fut_submit(ex, parse_config, (void *)path);
    printf("loading %s\n", path);
    struct config *cfg = fut_get(f); // expect: SOVA002
    fut_free(f);
    return cfg;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    struct config *cfg = load_config(pool, "app.conf");
    fut_future *compaction = fut_submit(pool, compact_db, cfg);
    size_t n = strlen("compacting");
    printf("%zu\n", n);
    fut_wait(compaction); // expect: SOVA002
    fut_free(compaction);
    return 0;
}
