/* a serial task submits two parts to its own executor and waits on fut_when_all of them */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_serial;
static void *part(void *arg) { return arg; }
static void *task(void *arg) {
    fut_future *fs[2] = { fut_submit(g_serial, part, "a"), fut_submit(g_serial, part, "b") };
    return fut_get(fut_when_all(fs, 2)); // expect: SOVA001
    (void)arg;
}
int main(void) {
    g_serial = fut_serial_new();
    fut_free(fut_submit(g_serial, task, NULL));
    return 0;
}
