/* executor chosen by a ternary between the task's own serial executor and itself */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_serial;
static void *leaf(void *arg) { return arg; }
static void *task(void *arg) {
    fut_executor *ex = arg ? g_serial : g_serial;
    return fut_get(fut_submit(ex, leaf, NULL)); // expect: SOVA004
}
int main(void) {
    g_serial = fut_serial_new();
    fut_free(fut_submit(g_serial, task, NULL));
    return 0;
}
