/* Program B: its handler waits, and B runs it from main only. */
#include <stddef.h>
#include "fut.h"
#include "lib.h"
static void b_on_event(void *arg)
{
    fut_wait(arg);
}
int main(void)
{
    struct handler h = { b_on_event, fut_promise_future(fut_promise_new()) };
    lib_dispatch(&h);
    return 0;
}
