/* fut_then continuation gets the executor as ctx (param 1): self wait; param 0 (the value) is not the executor */
#include <stddef.h>
#include "fut.h"
static void *leaf(void *arg) { return arg; }
static void *first(void *arg) { return arg; }
static void *cont_ctx(void *value, void *arg) {
    (void)value;
    return fut_get(fut_submit((fut_executor *)arg, leaf, NULL)); // expect: SOVA004
}
static void *cont_value(void *value, void *arg) {
    (void)arg;
    return fut_get(fut_submit((fut_executor *)value, leaf, NULL)); // expect: SOVA001
}
int main(void) {
    fut_executor *ex = fut_serial_new();
    fut_executor *other = fut_pool_new(2);
    fut_future *f = fut_submit(other, first, other);
    fut_free(fut_then(f, ex, cont_ctx, ex));
    fut_free(fut_then(f, ex, cont_value, ex));
    return 0;
}
