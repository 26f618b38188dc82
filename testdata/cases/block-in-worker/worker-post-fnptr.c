/* fut_post with the work in a function-pointer variable; same fn also called from main */
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void flush(void *arg) { (void)arg; fut_wait(g_dep); } // expect: SOVA001
int main(void) {
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    fut_executor *ex = fut_pool_new(4);
    void (*job)(void *) = flush;
    fut_post(ex, job, NULL);
    flush(NULL);
    return 0;
}
