/* Every wait here is reachable only from main (startup and shutdown), never from a task.
 * Why: blocking the main thread is not pool starvation (no SOVA001); the waits are on parameters
 * or in static helpers, so SOVA002/SOVA003 do not apply either. No results. */
#include <stddef.h>
#include "fut.h"

void config_load_sync(const char *path) __attribute__((annotate("sova:blocking")));

static void *index_file(void *arg)
{
    return arg;
}

static void *await_one(fut_future *f)
{
    return fut_get(f);
}

static void join_all(fut_future **fs, size_t n)
{
    fut_wait_all(fs, n);
}

static int settle(fut_future *f)
{
    return fut_wait_for(f, 1000);
}

int main(void)
{
    static const char *names[3] = { "a.txt", "b.txt", "c.txt" };
    fut_future *fs[3];
    config_load_sync("/etc/indexer.conf");
    fut_executor *pool = fut_pool_new(3);
    for (size_t i = 0; i < 3; i++)
        fs[i] = fut_submit(pool, index_file, (void *)names[i]);
    join_all(fs, 3);
    for (size_t i = 0; i < 3; i++)
        await_one(fs[i]);
    settle(fs[0]);
    fut_executor_free(pool);
    return 0;
}
