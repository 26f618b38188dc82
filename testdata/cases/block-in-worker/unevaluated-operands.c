/* calls in unevaluated operands (sizeof, _Generic controlling expr) never run: no blocking site */
#include <stddef.h>
#include "fut.h"
#define RESULT_SIZE(f) sizeof(*(char *)fut_get(f))
static void *task(void *arg) {
    fut_future *f = arg;
    size_t n = sizeof(fut_get(f));
    size_t m = RESULT_SIZE(f);
    int k = _Generic(fut_get(f), void *: 1, default: 0);
    return (void *)(n + m + (size_t)k);
}
int main(void) {
    fut_free(fut_submit(fut_pool_new(2), task, fut_promise_future(fut_promise_new())));
    return 0;
}
