/* (*fp)(x) syntax and cast of function pointer */
#include <stddef.h>
#include "fut.h"
typedef void (*vfn)(void);
static fut_future *g_dep;
static void w1(void *x) { (void)x; fut_wait(g_dep); } // expect: SOVA001
static int w2(void) { return fut_wait_for(g_dep, 10); } // expect: SOVA001
static void *task(void *arg) {
    void (*fp)(void *) = w1;
    (*fp)(arg);
    vfn g = (vfn)w2;
    ((int (*)(void))g)();
    return NULL;
}
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, NULL);
    fut_free(f);
    return 0;
}
