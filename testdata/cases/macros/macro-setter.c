/* callback installed through a setter macro: the whole assignment is written by the macro */
#include <stddef.h>
#include "fut.h"
struct conn { void (*cb)(void *); fut_future *rx; };
#define SET_CB(c, f) ((c)->cb = (f))
#define IS_READY_AND(f, x) (fut_is_ready(f) && (x))
static void on_rx(void *a) { struct conn *c = a; fut_wait(c->rx); } // expect: SOVA001
static void *pump(void *arg) {
    struct conn *c = arg;
    c->cb(c);
    if (IS_READY_AND(c->rx, c->cb != NULL))
        fut_get(c->rx);
    return NULL;
}
int main(void) {
    static struct conn c;
    c.rx = fut_promise_future(fut_promise_new());
    SET_CB(&c, on_rx);
    fut_free(fut_submit(fut_pool_new(2), pump, &c));
    return 0;
}
