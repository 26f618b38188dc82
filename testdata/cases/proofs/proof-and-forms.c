/* && forms, nested ifs, else branch, negated, loops */
#include <stddef.h>
#include "fut.h"
struct job { fut_future *dep; int flag; };
static void *step(void *arg) {
    struct job *j = arg;
    fut_future *f = j->dep;
    void *r = NULL;
    if (fut_is_ready(f) && j->flag)
        r = fut_get(f);
    if (j->flag && fut_is_ready(f))
        r = fut_get(f);
    if (fut_is_ready(f)) {
        if (j->flag) {
            for (int i = 0; i < 2; i++)
                r = fut_get(f);
        }
    } else {
        r = fut_get(f); // expect: SOVA001
    }
    if (!fut_is_ready(f))
        r = fut_get(f); // expect: SOVA001
    if (fut_is_ready(f) || j->flag)
        r = fut_get(f); // expect: SOVA001
    while (!fut_is_ready(f)) {
    }
    r = fut_get(f); // expect: SOVA001
    if ((fut_is_ready(f)))
        r = fut_get(f);
    if (j->flag) {
    } else if (fut_is_ready(f)) {
        fut_wait(f);
    }
    return r;
}
int main(void) {
    static struct job j;
    fut_promise *p1 = fut_promise_new();
    j.dep = fut_promise_future(p1);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, step, &j);
    fut_free(f);
    return 0;
}
