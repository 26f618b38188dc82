/* joins of a single future by address and element access by *fs after fut_wait_all */
#include <stddef.h>
#include "fut.h"
struct two { fut_future *a, *b; };
static void *both(void *arg) {
    struct two *t = arg;
    fut_future *f = t->a;
    fut_wait_all(&f, 1); // expect: SOVA001
    void *x = fut_get(f);
    fut_future *fs[2] = { t->a, t->b };
    fut_wait_all(fs, 2); // expect: SOVA001
    void *y = fut_get(*fs);
    return x ? x : y;
}
int main(void) {
    static struct two t;
    t.a = fut_promise_future(fut_promise_new());
    t.b = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), both, &t));
    return 0;
}
