/* A worker returns early when the future is not ready: `if (!fut_is_ready(f)) return`,
 * then reads it. Why: past the return the future is complete, so the wait cannot block. */
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
    if (!fut_is_ready(f))
        return NULL;
    l->value = fut_get(f);
    return l->value;
}

int main(void)
{
    static struct lookup l;
    l.answer = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), resolve, &l));
    return 0;
}
