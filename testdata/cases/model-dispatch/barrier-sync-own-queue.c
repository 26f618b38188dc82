/* Reader-writer cache on a concurrent queue: a reader block, on a miss, stores the value with cache_store(),
 * which dispatch_barrier_sync()s onto the same queue. Why: the barrier waits for every block running on the queue,
 * including the reader that waits for it: deadlock (SOVA004). Writers from main() are fine. */
#include <dispatch/dispatch.h>
#include <stdio.h>
#include <string.h>

struct cache {
    dispatch_queue_t queue; /* concurrent: readers run in parallel, writers use barriers */
    char key[32];
    int value;
};

static void cache_store(struct cache *c, const char *key, int value)
{
    dispatch_barrier_sync(c->queue, ^{ // expect: SOVA004
        strncpy(c->key, key, sizeof c->key - 1);
        c->value = value;
    });
}

static void cache_lookup_async(struct cache *c, const char *key, void (^reply)(int))
{
    dispatch_async(c->queue, ^{
        if (strcmp(c->key, key) == 0) {
            reply(c->value);
            return;
        }
        int computed = (int)strlen(key);
        cache_store(c, key, computed);
        reply(computed);
    });
}

int main(void)
{
    static struct cache c;
    c.queue = dispatch_queue_create("org.example.cache", DISPATCH_QUEUE_CONCURRENT);
    cache_store(&c, "warmup", 6);
    cache_lookup_async(&c, "answer", ^(int v) {
        printf("answer = %d\n", v);
    });
    dispatch_main();
}
