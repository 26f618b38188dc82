/* ready check on fs[0], wait on fs[1] */
#include <stddef.h>
#include "fut.h"
struct batch { fut_future *fs[2]; };
static void *drain(void *arg) {
    struct batch *b = arg;
    fut_future *fs[2] = { b->fs[0], b->fs[1] };
    void *r = NULL;
    if (fut_is_ready(fs[0])) {
        r = fut_get(fs[0]);
        r = fut_get(fs[1]); // expect: SOVA001
    }
    return r;
}
int main(void) {
    static struct batch b;
    fut_promise *p1 = fut_promise_new(), *p2 = fut_promise_new();
    b.fs[0] = fut_promise_future(p1);
    b.fs[1] = fut_promise_future(p2);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, drain, &b);
    fut_free(f);
    return 0;
}
