/* A worker waits inside `if (!fut_is_ready(f))`: exactly the case where the future is NOT complete.
 * Why: the negated check proves nothing, so the wait blocks the pool thread (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct lookup {
    fut_future *answer;
    void *value;
};

static void *resolve(void *arg)
{
    struct lookup *l = arg;
    fut_future *f = l->answer;
    if (!fut_is_ready(f)) {
        l->value = fut_get(f); // expect: SOVA001
    }
    return l->value;
}

int main(void)
{
    static struct lookup l;
    fut_promise *p = fut_promise_new();
    l.answer = fut_promise_future(p);
    fut_executor *pool = fut_pool_new(2);
    fut_future *r = fut_submit(pool, resolve, &l);
    fut_free(r);
    return 0;
}
