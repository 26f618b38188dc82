/* callee chosen by a ternary */
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void slow(void *x) { (void)x; fut_wait(g_dep); } // expect: SOVA001
static void fast(void *x) { (void)x; }
static void *task(void *arg) { (arg ? slow : fast)(arg); return NULL; }
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, NULL);
    fut_free(f);
    return 0;
}
