/* function returning a function pointer, called in worker */
#include <stddef.h>
#include "fut.h"
typedef void (*op_fn)(fut_future *);
static void do_wait(fut_future *f) { fut_wait(f); } // expect: SOVA001
static op_fn pick(int k) { (void)k; return do_wait; }
static void *task(void *arg) { pick(1)(arg); return NULL; }
int main(void) {
    fut_promise *p = fut_promise_new();
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, fut_promise_future(p));
    fut_free(f);
    return 0;
}
