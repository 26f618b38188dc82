/* ready check, then the variable is reassigned to a new future before the wait */
#include <stddef.h>
#include "fut.h"
struct job { fut_future *dep; fut_future *next; };
static void *step(void *arg) {
    struct job *j = arg;
    fut_future *f = j->dep;
    void *r = NULL;
    if (fut_is_ready(f)) {
        r = fut_get(f);
        f = j->next;
        r = fut_get(f); // expect: SOVA001
    }
    return r;
}
int main(void) {
    static struct job j;
    fut_promise *p1 = fut_promise_new(), *p2 = fut_promise_new();
    j.dep = fut_promise_future(p1);
    j.next = fut_promise_future(p2);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, step, &j);
    fut_free(f);
    return 0;
}
