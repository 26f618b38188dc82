/* join over an array in a struct field / parameter, then get an element */
#include <stddef.h>
#include "fut.h"
struct fanin { fut_future *deps[4]; size_t n; };
static void *sum_param(fut_future **fs, size_t n) {
    fut_wait_all(fs, n); // expect: SOVA001
    return fut_get(fs[0]);
}
static void *gather(void *arg) {
    struct fanin *fi = arg;
    fut_wait_all(fi->deps, fi->n); // expect: SOVA001
    void *first = fut_get(fi->deps[0]);
    (void)first;
    return sum_param(fi->deps, fi->n);
}
int main(void) {
    static struct fanin fi;
    for (size_t i = 0; i < 4; i++)
        fi.deps[i] = fut_promise_future(fut_promise_new());
    fi.n = 4;
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, gather, &fi);
    fut_free(f);
    return 0;
}
