/* nested struct field s.ops.cb = f */
#include <stddef.h>
#include "fut.h"
struct ops { void (*cb)(fut_future *); };
struct svc { int id; struct ops ops; fut_future *dep; };
static void on_ready(fut_future *f) { fut_wait(f); } // expect: SOVA001
static struct svc S;
static void *task(void *arg) { (void)arg; S.ops.cb(S.dep); return NULL; }
int main(void) {
    fut_promise *p = fut_promise_new();
    S.dep = fut_promise_future(p);
    S.ops.cb = on_ready;
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, NULL);
    fut_free(f);
    return 0;
}
