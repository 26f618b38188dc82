/* posted task -> helper a(ex) -> helper b(ex) waits on work submitted to ex == the posting global */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_loop;
static void *leaf(void *arg) { return arg; }
static void b(fut_executor *e2) { fut_wait(fut_submit(e2, leaf, NULL)); } // expect: SOVA004
static void a(fut_executor *e1) { b(e1); }
static void on_tick(void *arg) { (void)arg; a(g_loop); }
int main(void) {
    g_loop = fut_serial_new();
    fut_post(g_loop, on_tick, NULL);
    return 0;
}
