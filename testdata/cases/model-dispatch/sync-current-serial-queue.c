/* A block running on the store's serial queue calls kv_count(), which dispatch_sync()s onto that same queue.
 * Why: "Calls to dispatch_sync() targeting the current queue will result in dead-lock" (SOVA004);
 * the same call made from main() is fine. */
#include <dispatch/dispatch.h>
#include <stdio.h>

#define KV_MAX 64

struct kv_store {
    dispatch_queue_t queue; /* serial: owns entries and count */
    char entries[KV_MAX][32];
    size_t count;
};

static size_t kv_count(struct kv_store *s)
{
    __block size_t n = 0;
    dispatch_sync(s->queue, ^{ // expect: SOVA004
        n = s->count;
    });
    return n;
}

static void kv_put_async(struct kv_store *s, const char *value)
{
    dispatch_async(s->queue, ^{
        if (s->count < KV_MAX)
            snprintf(s->entries[s->count++], sizeof s->entries[0], "%s", value);
        printf("stored, %zu entries\n", kv_count(s));
    });
}

int main(void)
{
    static struct kv_store store;
    store.queue = dispatch_queue_create("org.example.kv", DISPATCH_QUEUE_SERIAL);
    kv_put_async(&store, "alpha");
    kv_put_async(&store, "beta");
    printf("%zu entries\n", kv_count(&store));
    dispatch_main();
}
