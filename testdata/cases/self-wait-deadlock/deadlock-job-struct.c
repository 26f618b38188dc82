/* executor in a struct passed as the task context (j->ex), submit via j->ex in both places */
#include <stddef.h>
#include "fut.h"
struct job { fut_executor *ex; int id; };
static void *child(void *arg) { return arg; }
static void *parent(void *arg) {
    struct job *j = arg;
    return fut_get(fut_submit(j->ex, child, NULL)); // expect: SOVA004
}
static void start(struct job *j) {
    fut_future *f = fut_submit(j->ex, parent, j);
    fut_free(f);
}
int main(void) {
    static struct job j;
    j.ex = fut_serial_new();
    start(&j);
    return 0;
}
