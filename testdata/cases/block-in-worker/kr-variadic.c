/* K&R definition as worker with ctx; variadic helper that waits */
#include <stdarg.h>
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void logw(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fut_wait(g_dep); // expect: SOVA001
    va_end(ap);
}
static void *old_task(arg)
    void *arg;
{
    logw("%p", arg);
    return fut_get((fut_future *)arg); // expect: SOVA001
}
int main(void) {
    g_dep = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), old_task, fut_promise_future(fut_promise_new())));
    return 0;
}
