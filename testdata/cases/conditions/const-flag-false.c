/* nng's shape: finish(aio) calls finish_impl(aio, false), whose `if (sync)` branch runs the
 * callback inline and waits. Why: the constant false makes that branch dead; no result. */
#include <stdbool.h>
#include <stddef.h>
#include "fut.h"

struct aio {
    fut_future *done;
};

static fut_executor *g_pool;

static void run_inline(struct aio *aio)
{
    fut_wait(aio->done);
}

static void notify(void *arg)
{
    (void)arg;
}

static void dispatch(struct aio *aio)
{
    fut_post(g_pool, notify, aio);
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

static void finish(struct aio *aio, int rv)
{
    finish_impl(aio, rv, false);
}

static void *on_request(void *arg)
{
    finish(arg, 0);
    return NULL;
}

int main(void)
{
    static struct aio a;
    a.done = fut_promise_future(fut_promise_new());
    g_pool = fut_pool_new(2);
    fut_free(fut_submit(g_pool, on_request, &a));
    return 0;
}
