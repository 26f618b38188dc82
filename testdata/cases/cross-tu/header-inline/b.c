/* Second TU of header-inline: its own worker calls the same inline helper. */
#include <stddef.h>
#include "await.h"

static void *scan_task(void *arg)
{
    void *data = await_result(arg);
    return data;
}

void start_scan(fut_executor *ex, fut_future *src)
{
    fut_future *f = fut_submit(ex, scan_task, src);
    fut_free(f);
}
