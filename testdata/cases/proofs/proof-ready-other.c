/* A worker checks fut_is_ready() on one future but then waits on a different one.
 * Why: the proof covers only the checked future; the other wait can block the pool (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct merge {
    fut_future *left;
    fut_future *right;
};

static void *merge_sides(void *arg)
{
    struct merge *m = arg;
    fut_future *a = m->left;
    fut_future *b = m->right;
    void *l = NULL, *r = NULL;
    if (fut_is_ready(a)) {
        l = fut_get(a);
        r = fut_get(b); // expect: SOVA001
    }
    return l ? l : r;
}

int main(void)
{
    static struct merge m;
    fut_promise *pa = fut_promise_new();
    fut_promise *pb = fut_promise_new();
    m.left = fut_promise_future(pa);
    m.right = fut_promise_future(pb);
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, merge_sides, &m);
    fut_free(f);
    return 0;
}
