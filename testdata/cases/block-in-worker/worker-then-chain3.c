/* continuations chained three deep; each continuation is a worker */
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void *stage0(void *arg) { return arg; }
static void *stage1(void *v, void *arg) { (void)arg; return v; }
static void *stage2(void *v, void *arg) { (void)arg; return v; }
static void *stage3(void *v, void *arg) { (void)v; (void)arg; return fut_get(g_dep); } // expect: SOVA001
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    fut_executor *ex = fut_pool_new(4);
    fut_future *a = fut_submit(ex, stage0, NULL);
    fut_future *b = fut_then(a, ex, stage1, NULL);
    fut_future *c = fut_then(b, ex, stage2, NULL);
    fut_future *d = fut_then(c, ex, stage3, NULL);
    fut_free(d);
    return 0;
}
