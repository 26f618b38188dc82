/* chained assignment of a callback into two fields */
#include <stddef.h>
#include "fut.h"
struct conn { void (*on_read)(void *); void (*on_write)(void *); };
static fut_future *g_dep;
static void io_handler(void *a) { (void)a; fut_wait(g_dep); } // expect: SOVA001
static void *pump(void *arg) { struct conn *c = arg; c->on_read(c); return NULL; }
int main(void) {
    static struct conn c;
    g_dep = fut_promise_future(fut_promise_new());
    c.on_read = c.on_write = io_handler;
    fut_free(fut_submit(fut_pool_new(2), pump, &c));
    return 0;
}
