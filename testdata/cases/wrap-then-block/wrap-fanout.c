/* Other async work is started between a submit and its wait (fan-out), so the wait overlaps real work.
 * Why: overlap is the point of async, so this is not wrap-then-block; helpers are static, so not SOVA003. No results. */
#include <stddef.h>
#include "fut.h"

struct pair {
    void *left;
    fut_future *right;
};

static void *hash_half(void *arg)
{
    return arg;
}

static void *audit(void *value, void *arg)
{
    (void)arg;
    return value;
}

static fut_future *start_stats(fut_executor *ex)
{
    return fut_submit(ex, hash_half, "stats");
}

/* second submit between the first submit and its wait */
static struct pair hash_both(fut_executor *ex, char *a, char *b)
{
    struct pair p;
    fut_future *fa = fut_submit(ex, hash_half, a);
    p.right = fut_submit(ex, hash_half, b);
    p.left = fut_get(fa);
    return p;
}

/* a continuation is started in between */
static void *load_with_audit(fut_executor *ex, fut_future *audit_src, char *name)
{
    fut_future *f = fut_submit(ex, hash_half, name);
    fut_future *trail = fut_then(audit_src, ex, audit, name);
    void *r = fut_get(f);
    fut_free(trail);
    return r;
}

/* a call returning another future is made in between */
static void *load_with_stats(fut_executor *ex, char *name, fut_future **stats)
{
    fut_future *f = fut_submit(ex, hash_half, name);
    *stats = start_stats(ex);
    fut_wait(f);
    fut_free(f);
    return *stats;
}

static void *finish(fut_future *f)
{
    return fut_get(f);
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *src = fut_promise_new();
    fut_future *stats = NULL;
    struct pair p = hash_both(pool, "left", "right");
    load_with_audit(pool, fut_promise_future(src), "users");
    load_with_stats(pool, "orders", &stats);
    finish(p.right);
    finish(stats);
    return p.left == NULL;
}
