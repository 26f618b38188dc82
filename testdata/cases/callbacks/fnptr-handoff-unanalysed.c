/* function passed to an external (unanalysed) registration must not become worker */
#include <stddef.h>
#include "fut.h"
extern void atexit_like(void (*fn)(void));
static fut_future *g_dep;
static void cleanup(void) { fut_wait(g_dep); }
static void *task(void *arg) { atexit_like(cleanup); return arg; }
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, NULL);
    fut_free(f);
    return 0;
}
