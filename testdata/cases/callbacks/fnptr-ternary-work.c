/* the work function / callback chosen by a ternary into a local, then submitted or called */
#include <stddef.h>
#include "fut.h"
static fut_future *g_dep;
static void flush_now(void *a) { (void)a; fut_wait(g_dep); } // expect: SOVA001
static void flush_later(void *a) { (void)a; }
static void *snap_full(void *a) { (void)a; return fut_get(g_dep); } // expect: SOVA001
static void *snap_delta(void *a) { return a; }
int main(int argc, char **argv) {
    (void)argv;
    g_dep = fut_promise_future(fut_promise_new());
    fut_executor *ex = fut_pool_new(2);
    void (*h)(void *) = argc > 1 ? flush_now : flush_later;
    fut_post(ex, h, NULL);
    fut_free(fut_submit(ex, argc > 2 ? snap_full : snap_delta, NULL));
    return 0;
}
