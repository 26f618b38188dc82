/* binary operators whose left operand ends in a macro expansion: assignment and && */
#include <stddef.h>
#include "fut.h"
struct conn { void (*cb)(void *); fut_future *rx; int open; };
#define CONN_CB(c) ((c)->cb)
#define IS_DONE(f) fut_is_ready(f)
#define OPEN(c) (c)->open
static void on_rx(void *a) { struct conn *c = a; fut_wait(c->rx); } // expect: SOVA001
static void *pump(void *arg) {
    struct conn *c = arg;
    c->cb(c);
    if (IS_DONE(c->rx) && OPEN(c))
        fut_get(c->rx);
    return NULL;
}
int main(void) {
    static struct conn c;
    c.rx = fut_promise_future(fut_promise_new());
    CONN_CB(&c) = on_rx;
    fut_free(fut_submit(fut_pool_new(2), pump, &c));
    return 0;
}
