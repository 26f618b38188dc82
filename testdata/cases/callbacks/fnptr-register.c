/* callback registered via registration function storing s->cb = cb */
#include <stddef.h>
#include "fut.h"
typedef void (*cb_fn)(void *);
struct bus { cb_fn cb; void *arg; };
static fut_future *g_dep;
static void listener(void *a) { (void)a; fut_get(g_dep); } // expect: SOVA001
static void quiet(void *a) { (void)a; }
static void register_cb(struct bus *b, cb_fn cb) { b->cb = cb; }
static void *dispatch(void *arg) { struct bus *b = arg; b->cb(b->arg); return NULL; }
int main(void) {
    static struct bus b;
    fut_promise *p = fut_promise_new();
    g_dep = fut_promise_future(p);
    register_cb(&b, listener);
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, dispatch, &b);
    fut_free(f);
    quiet(NULL);
    return 0;
}
