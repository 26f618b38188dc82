/* array of handlers inside a struct, initialized positionally and designated */
#include <stddef.h>
#include "fut.h"
typedef void (*handler_fn)(void *);
struct dispatcher { int n; handler_fn handlers[2]; };
struct router { handler_fn routes[2]; };
static fut_future *g_dep;
static void h_wait(void *x) { (void)x; fut_wait(g_dep); } // expect: SOVA001
static void h_get(void *x) { (void)x; fut_get(g_dep); } // expect: SOVA001
static void h_nop(void *x) { (void)x; }
static struct dispatcher D = { 2, { h_nop, h_wait } };
static struct router R = { .routes = { h_nop, h_get } };
static void *task(void *arg) {
    int i = *(int *)arg;
    D.handlers[i](arg);
    R.routes[i](arg);
    return NULL;
}
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    static int idx = 1;
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, &idx);
    fut_free(f);
    return 0;
}
