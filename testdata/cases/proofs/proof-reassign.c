/* A worker joins futures, then reassigns one of them before fut_get().
 * Why: the join no longer proves the new future complete, so that wait can block (SOVA001);
 * the untouched future's wait is still proven. */
#include <stddef.h>
#include "fut.h"

struct cache {
    fut_future *primary;
    fut_future *backup;
    fut_future *refetch;
};

static void *refresh(void *arg)
{
    struct cache *c = arg;
    fut_future *a = c->primary;
    fut_future *b = c->backup;
    fut_future *fs[] = { a, b };
    fut_wait_all(fs, 2); // expect: SOVA001
    a = c->refetch;
    void *v = fut_get(a); // expect: SOVA001
    void *w = fut_get(b);
    return v ? v : w;
}

static void *refresh_indexed(void *arg)
{
    struct cache *c = arg;
    fut_future *fs[2];
    fs[0] = c->primary;
    fs[1] = c->backup;
    fut_wait_all(fs, 2); // expect: SOVA001
    fs[0] = c->refetch;
    return fut_get(fs[0]); // expect: SOVA001
}

int main(void)
{
    static struct cache c;
    fut_promise *p1 = fut_promise_new();
    fut_promise *p2 = fut_promise_new();
    fut_promise *p3 = fut_promise_new();
    c.primary = fut_promise_future(p1);
    c.backup = fut_promise_future(p2);
    c.refetch = fut_promise_future(p3);
    fut_executor *pool = fut_pool_new(2);
    fut_future *r1 = fut_submit(pool, refresh, &c);
    fut_future *r2 = fut_submit(pool, refresh_indexed, &c);
    fut_free(r1);
    fut_free(r2);
    return 0;
}
