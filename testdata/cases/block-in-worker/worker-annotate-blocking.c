/* blob_fetch_sync() is a library function declared without a body and annotated sova:blocking.
 * Why: calling it from a pool task blocks that thread (SOVA001 at the call); calling it from main is fine. */
#include <stddef.h>
#include "fut.h"

int blob_fetch_sync(const char *key, char *buf, size_t len) __attribute__((annotate("sova:blocking")));

static void *warm_cache(void *arg)
{
    char buf[256];
    int n = blob_fetch_sync(arg, buf, sizeof buf); // expect: SOVA001
    return n > 0 ? arg : NULL;
}

int main(void)
{
    char boot[256];
    blob_fetch_sync("boot-config", boot, sizeof boot);
    fut_executor *pool = fut_pool_new(4);
    fut_future *w = fut_submit(pool, warm_cache, "users");
    fut_free(w);
    return 0;
}
