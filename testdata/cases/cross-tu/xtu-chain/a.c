/* Cross-TU chain: main (a.c) submits process_order (b.c), which calls charge_card (c.c), which waits.
 * Why: the worker context must flow across translation units; the wait in c.c starves the pool (SOVA001). */
#include <stddef.h>
#include "orders.h"

int main(void)
{
    fut_executor *pool = fut_pool_new(8);
    fut_promise *gateway = fut_promise_new();
    static struct order o = { 42, 1999, NULL };
    o.payment = fut_promise_future(gateway);
    fut_future *f = fut_submit(pool, process_order, &o);
    fut_free(f);
    return 0;
}
