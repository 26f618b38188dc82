/* The true shape beside proof-ready-early-return.c: the early return tests one future and
 * the worker then waits on another, which may still be pending (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct lookup {
    fut_future *answer;
    fut_future *audit;
    void *value;
};

static void *resolve(void *arg)
{
    struct lookup *l = arg;
    fut_future *f = l->answer;
    if (!fut_is_ready(f))
        return NULL;
    l->value = fut_get(f);
    fut_wait(l->audit); // expect: SOVA001
    return l->value;
}

int main(void)
{
    static struct lookup l;
    l.answer = fut_promise_future(fut_promise_new());
    l.audit = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), resolve, &l));
    return 0;
}
