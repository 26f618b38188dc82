/* callback stored in struct passed by value */
#include <stddef.h>
#include "fut.h"
struct cbs { void (*on_data)(fut_future *); int x; };
static void handle(fut_future *f) { fut_get(f); } // expect: SOVA001
static void run(struct cbs c, fut_future *f) { c.on_data(f); }
static void *task(void *arg) { struct cbs c = { handle, 0 }; run(c, arg); return NULL; }
int main(void) {
    fut_promise *p = fut_promise_new();
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, fut_promise_future(p));
    fut_free(f);
    return 0;
}
