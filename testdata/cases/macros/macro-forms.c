/* waits produced by macros: token pasting, nested macros, multi-line use, wait in a macro argument */
#include <stdlib.h>
#include <stddef.h>
#include "fut.h"
#define AWAIT(kind, f) fut_##kind(f)
#define GET(f) fut_get(f)
#define GET2(f) GET(f)
#define TRY(expr) do { if (!(expr)) abort(); } while (0)
#define CALL(fn, x) fn(x)
static void *task(void *arg) {
    fut_future *f = arg;
    AWAIT(wait, f); // expect: SOVA001
    GET2(f); // expect: SOVA001
    GET( // expect: SOVA001
        f);
    TRY(fut_get(f)); // expect: SOVA001
    CALL(fut_wait, f); // expect: SOVA001
    return NULL;
}
int main(void) {
    fut_free(fut_submit(fut_pool_new(2), task, fut_promise_future(fut_promise_new())));
    return 0;
}
