/* the wait function itself called through a function pointer in a worker */
#include <stddef.h>
#include "fut.h"
static void (*waiter)(fut_future *) = fut_wait;
static void *task(void *arg) {
    void *(*getter)(fut_future *) = fut_get;
    waiter(arg); // expect: SOVA001
    getter(arg); // expect: SOVA001
    return NULL;
}
int main(void) {
    fut_promise *p = fut_promise_new();
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, fut_promise_future(p));
    fut_free(f);
    return 0;
}
