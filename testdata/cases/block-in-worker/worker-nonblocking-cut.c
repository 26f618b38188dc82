/* cache_peek() is annotated sova:nonblocking: the cache future is completed at startup, so its waits
 * return at once. Why: the annotation cuts the chain; nothing inside it (nor its callee settle()) is reported. */
#include <stddef.h>
#include "fut.h"

struct cache {
    fut_future *warm;
    int hits;
};

static void *settle(struct cache *c)
{
    return fut_get(c->warm);
}

__attribute__((annotate("sova:nonblocking")))
static int cache_peek(struct cache *c)
{
    fut_wait(c->warm);
    return settle(c) != NULL;
}

static void *serve(void *arg)
{
    struct cache *c = arg;
    if (cache_peek(c))
        c->hits++;
    return NULL;
}

int main(void)
{
    fut_promise *p = fut_promise_new();
    struct cache c = { NULL, 0 };
    c.warm = fut_promise_future(p);
    fut_promise_set(p, &c);
    fut_executor *pool = fut_pool_new(4);
    fut_future *s = fut_submit(pool, serve, &c);
    fut_free(s);
    return 0;
}
