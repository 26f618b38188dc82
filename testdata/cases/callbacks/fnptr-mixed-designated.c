/* positional initializer after a designated one continues from the designated field */
#include <stddef.h>
#include "fut.h"
struct ops { void (*open)(void *); void (*close)(void *); void (*flush)(void *); };
static fut_future *g_dep;
static void tcp_open(void *a) { (void)a; }
static void tcp_close(void *a) { (void)a; fut_wait(g_dep); }
static void tcp_flush(void *a) { (void)a; fut_wait(g_dep); } // expect: SOVA001
static const struct ops tcp_ops = { .close = tcp_close, tcp_flush, .open = tcp_open };
static void *writer(void *arg) { tcp_ops.flush(arg); tcp_ops.open(arg); return NULL; }
int main(void) {
    g_dep = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), writer, NULL));
    tcp_ops.close(NULL);
    return 0;
}
