/* ready check on one object's field, wait on the same field of a different object */
#include <stddef.h>
#include "fut.h"
struct req { fut_future *body; };
struct pair { struct req *a; struct req *b; };
static void *merge(void *arg) {
    struct pair *p = arg;
    void *r = NULL;
    if (fut_is_ready(p->a->body)) {
        r = fut_get(p->a->body);
        r = fut_get(p->b->body); // expect: SOVA001
    }
    return r;
}
int main(void) {
    static struct req x, y;
    static struct pair pr = { &x, &y };
    fut_promise *p1 = fut_promise_new(), *p2 = fut_promise_new();
    x.body = fut_promise_future(p1);
    y.body = fut_promise_future(p2);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, merge, &pr);
    fut_free(f);
    return 0;
}
