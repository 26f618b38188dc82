/* walk_dir and walk_entry recurse into each other inside a disk-usage task; walk_entry waits on each stat.
 * Why: recursion does not hide the wait; it starves the pool (SOVA001, reported once). */
#include <stddef.h>
#include <stdint.h>
#include "fut.h"

struct node {
    fut_future *stat;
    struct node *children;
    int nchildren;
    int is_dir;
};

static long walk_dir(struct node *n);

static long walk_entry(struct node *n)
{
    fut_wait(n->stat); // expect: SOVA001
    return n->is_dir ? walk_dir(n) : 1;
}

static long walk_dir(struct node *n)
{
    long total = 0;
    for (int i = 0; i < n->nchildren; i++)
        total += walk_entry(&n->children[i]);
    return total;
}

static void *du_task(void *arg)
{
    return (void *)(intptr_t)walk_dir(arg);
}

int main(void)
{
    static struct node root = { NULL, NULL, 0, 1 };
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, du_task, &root);
    fut_free(f);
    return 0;
}
