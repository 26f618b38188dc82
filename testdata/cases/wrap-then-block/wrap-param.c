/* await_upload() waits on a future it receives as a parameter.
 * Why: the future's provenance is a parameter, so neither SOVA002 nor SOVA003 applies. No results. */
#include <stddef.h>
#include "fut.h"

static void *upload(void *arg)
{
    return arg;
}

void *await_upload(fut_future *f)
{
    return fut_get(f);
}

int await_upload_for(fut_future *f, long ms)
{
    return fut_wait_for(f, ms);
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_future *a = fut_submit(pool, upload, "a.bin");
    fut_future *b = fut_submit(pool, upload, "b.bin");
    await_upload(a);
    await_upload_for(b, 5000);
    return 0;
}
