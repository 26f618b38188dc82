/* array of function pointers called from a worker */
#include <stddef.h>
#include "fut.h"
typedef void (*handler_fn)(void *);
static fut_future *g_dep;
static void h_a(void *x) { (void)x; fut_wait(g_dep); } // expect: SOVA001
static void h_b(void *x) { (void)x; }
static handler_fn table[] = { h_a, h_b };
static void *task(void *arg) { int i = *(int *)arg; table[i](arg); return NULL; }
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    static int idx = 0;
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, &idx);
    fut_free(f);
    return 0;
}
