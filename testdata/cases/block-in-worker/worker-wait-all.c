/* A merge task joins all shard futures with fut_wait_all() inside the pool.
 * Why: the join blocks a CPU-pool thread until every IO shard finishes (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct batch {
    fut_future *shards[8];
    size_t n;
    long total;
};

static void *count_shard(void *arg)
{
    return arg;
}

static void *merge_batch(void *arg)
{
    struct batch *b = arg;
    fut_wait_all(b->shards, b->n); // expect: SOVA001
    b->total = (long)b->n;
    return NULL;
}

int main(void)
{
    fut_executor *io = fut_pool_new(4);
    fut_executor *cpu = fut_pool_new(4);
    static struct batch b;
    static int ids[8];
    for (size_t i = 0; i < 8; i++) {
        ids[i] = (int)i;
        b.shards[i] = fut_submit(io, count_shard, &ids[i]);
    }
    b.n = 8;
    fut_future *m = fut_submit(cpu, merge_batch, &b);
    fut_free(m);
    return 0;
}
