/* executor passed by param to spawn(), which submits the task with the executor as ctx; via a returning helper */
#include <stddef.h>
#include "fut.h"
static void *leaf(void *arg) { return arg; }
static fut_future *spawn_leaf(fut_executor *ex) { return fut_submit(ex, leaf, NULL); }
static void *task(void *arg) {
    fut_executor *ex = arg;
    return fut_get(spawn_leaf(ex)); // expect: SOVA004
}
static void spawn(fut_executor *ex) { fut_free(fut_submit(ex, task, ex)); }
int main(void) {
    spawn(fut_serial_new());
    return 0;
}
