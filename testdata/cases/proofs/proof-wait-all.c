/* Workers join futures with fut_wait_all() and then fut_get() elements of the joined set.
 * Why: fut_wait_all itself blocks the worker (SOVA001), but the later fut_get calls are on completed futures (no result). */
#include <stddef.h>
#include "fut.h"

struct shards {
    fut_future *parts[3];
};

struct pair {
    fut_future *left;
    fut_future *right;
};

static void *concat(void *arg)
{
    struct shards *s = arg;
    fut_future *fs[3];
    for (int i = 0; i < 3; i++)
        fs[i] = s->parts[i];
    fut_wait_all(fs, 3); // expect: SOVA001
    void *first = fut_get(fs[0]);
    void *last = fut_get(fs[2]);
    return first ? first : last;
}

static void *merge_pair(void *arg)
{
    struct pair *p = arg;
    fut_future *a = p->left;
    fut_future *b = p->right;
    fut_future *fs[] = { a, b };
    fut_wait_all(fs, 2); // expect: SOVA001
    void *l = fut_get(a);
    void *r = fut_get(b);
    return l ? l : r;
}

int main(void)
{
    static struct shards s;
    static struct pair pr;
    fut_promise *ps[3];
    for (int i = 0; i < 3; i++) {
        ps[i] = fut_promise_new();
        s.parts[i] = fut_promise_future(ps[i]);
    }
    pr.left = s.parts[0];
    pr.right = s.parts[1];
    fut_executor *pool = fut_pool_new(2);
    fut_future *c = fut_submit(pool, concat, &s);
    fut_future *m = fut_submit(pool, merge_pair, &pr);
    fut_free(c);
    fut_free(m);
    return 0;
}
