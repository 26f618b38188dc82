/* The executor is passed as the task's context pointer and the task submits to it and waits.
 * Why: the task runs on a serial executor and waits for work queued behind itself: certain deadlock (SOVA004). */
#include <stddef.h>
#include "fut.h"

static void *compress_block(void *arg)
{
    return arg;
}

static void *compress_file(void *arg)
{
    void *out = fut_get(fut_submit((fut_executor *)arg, compress_block, NULL)); // expect: SOVA004
    return out;
}

static void *checksum_file(void *arg)
{
    fut_executor *ex = arg;
    fut_wait(fut_submit(ex, compress_block, NULL)); // expect: SOVA004
    return NULL;
}

int main(void)
{
    fut_executor *ex = fut_serial_new();
    fut_future *c = fut_submit(ex, compress_file, ex);
    fut_future *s = fut_submit(ex, checksum_file, ex);
    fut_free(c);
    fut_free(s);
    return 0;
}
