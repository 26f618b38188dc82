/* Program B: submits lib_task with its handler, which waits. */
#include <stddef.h>
#include "fut.h"
#include "lib.h"
static void b_on_event(void *arg)
{
    fut_wait(arg); // expect: SOVA001
}
int main(void)
{
    static struct handler h = { b_on_event, NULL };
    h.arg = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), lib_task, &h));
    return 0;
}
