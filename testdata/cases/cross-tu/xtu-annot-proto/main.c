#include <stddef.h>
#include "svc.h"
static fut_future *g_dep;
void on_message(void *msg) {
    (void)msg;
    drain_ready(g_dep);
    disk_sync(3); // expect: SOVA001
    fut_wait(g_dep); // expect: SOVA001
}
int main(void) {
    g_dep = fut_promise_future(fut_promise_new());
    on_message(NULL);
    return 0;
}
