/* The true shape beside const-flag-false.c: finish_sync(aio) passes true to finish_impl,
 * so its `if (sync)` branch waits inline on the pool thread (SOVA001). */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct aio {
    fut_future *done;
};

static void run_inline(struct aio *aio)
{
    fut_wait(aio->done); // expect: SOVA001
}

static void dispatch(struct aio *aio)
{
    (void)aio;
}

static void finish_impl(struct aio *aio, int rv, bool sync)
{
    (void)rv;
    if (sync) {
        run_inline(aio);
    } else {
        dispatch(aio);
    }
}

static void finish_sync(struct aio *aio, int rv)
{
    finish_impl(aio, rv, true);
}

static void *on_request(void *arg)
{
    finish_sync(arg, 0);
    return NULL;
}

int main(void)
{
    static struct aio a;
    a.done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_request, &a));
    return 0;
}
