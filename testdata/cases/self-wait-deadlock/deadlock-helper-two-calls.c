/* a worker calls the same helper twice: first with another executor, then with its own */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_serial;
static fut_executor *g_io;
static void *leaf(void *arg) { return arg; }
static void *run_on(fut_executor *ex, fut_task_fn fn) { return fut_get(fut_submit(ex, fn, NULL)); } // expect: SOVA004
static void *task(void *arg) {
    void *a = run_on(g_io, leaf);
    void *b = run_on(g_serial, leaf);
    return arg ? a : b;
}
int main(void) {
    g_serial = fut_serial_new();
    g_io = fut_pool_new(2);
    fut_future *f = fut_submit(g_serial, task, NULL);
    fut_free(f);
    return 0;
}
