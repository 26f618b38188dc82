/* run_cb(cb) is called with a blocking callback from main and a quick one from a worker.
 * Spec-ambiguous: context-insensitive parameter slots make blocking_cb reachable from the worker. */
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void blocking_cb(void) { fut_wait(g_dep); }
static void quick_cb(void) { }
static void run_cb(void (*cb)(void)) { cb(); }
static void *task(void *arg) { run_cb(quick_cb); return arg; }
int main(void) {
    g_dep = fut_promise_future(fut_promise_new());
    run_cb(blocking_cb);
    fut_free(fut_submit(fut_pool_new(2), task, NULL));
    return 0;
}
