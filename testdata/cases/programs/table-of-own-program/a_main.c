/* Program A: submits lib_task with its quick handler. */
#include <stddef.h>
#include "fut.h"
#include "lib.h"
static int seen;
static void a_on_event(void *arg)
{
    (void)arg;
    seen++;
}
int main(void)
{
    static struct handler h = { a_on_event, NULL };
    fut_free(fut_submit(fut_pool_new(2), lib_task, &h));
    return 0;
}
