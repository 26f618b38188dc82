/* exported function waits on fut_when_all of futures it submitted: async provenance (SOVA003), not SOVA002 */
#include <stddef.h>
#include "fut.h"
static void *part(void *arg) { return arg; }
void run_both(fut_executor *ex) {
    fut_future *fs[2];
    fs[0] = fut_submit(ex, part, "x");
    fs[1] = fut_submit(ex, part, "y");
    fut_get(fut_when_all(fs, 2)); // expect: SOVA003
}
static void run_both_static(fut_executor *ex) {
    fut_future *fs[2] = { fut_submit(ex, part, "x"), fut_submit(ex, part, "y") };
    fut_future *all = fut_when_all(fs, 2);
    fut_wait(all);
}
inline void *inline_sync(fut_promise *p) { return fut_get(fut_promise_future(p)); } // expect: SOVA003
static void *proto_static(fut_promise *p);
void *proto_static(fut_promise *p) { return fut_get(fut_promise_future(p)); }
void fanout_then_get(fut_executor *ex) {
    fut_future *a = fut_submit(ex, part, "a");
    fut_future *b = fut_submit(ex, part, "b");
    fut_get(a); // expect: SOVA003
    fut_get(b); // expect: SOVA002
}
int main(void) {
    fut_executor *ex = fut_pool_new(2);
    fut_promise *p = fut_promise_new();
    run_both(ex);
    run_both_static(ex);
    proto_static(p);
    fanout_then_get(ex);
    fut_get(fut_when_all(NULL, 0));
    return 0;
}
