/* Waits hidden behind convenience macros GET()/AWAIT_ALL() are used inside a pool task.
 * Why: the macro expands to a blocking wait in a worker (SOVA001), reported at the macro's use line. */
#include <stddef.h>
#include "fut.h"

#define GET(f) fut_get(f)
#define AWAIT_ALL(fs, n) fut_wait_all((fs), (n))

struct parts {
    fut_future *head;
    fut_future *body[2];
};

static void *assemble(void *arg)
{
    struct parts *p = arg;
    void *head = GET(p->head); // expect: SOVA001
    AWAIT_ALL(p->body, 2); // expect: SOVA001
    return head;
}

int main(void)
{
    static struct parts p;
    fut_promise *h = fut_promise_new();
    fut_promise *b0 = fut_promise_new();
    fut_promise *b1 = fut_promise_new();
    p.head = fut_promise_future(h);
    p.body[0] = fut_promise_future(b0);
    p.body[1] = fut_promise_future(b1);
    fut_executor *pool = fut_pool_new(2);
    fut_future *a = fut_submit(pool, assemble, &p);
    fut_free(a);
    return 0;
}
