#include <stddef.h>
#include "fut.h"
static fut_executor *g_ex;
static fut_future *g_dep;
static void *leaf(void *arg) { return arg; }
static void *step(void *arg) { (void)arg; return fut_get(g_dep); }
static void *step2(void *arg) { (void)arg; return fut_get(fut_submit(g_ex, leaf, NULL)); } // expect: SOVA004
void run_b(void) {
    g_ex = fut_pool_new(2);
    g_dep = fut_promise_future(fut_promise_new());
    step(NULL);
    fut_free(fut_submit(g_ex, step2, NULL));
}
