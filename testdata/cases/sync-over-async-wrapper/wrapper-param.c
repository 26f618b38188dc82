/* Exported helpers that wait on a future handed in by the caller.
 * Why: the caller decided to block; a parameter future is not "got from an async API" here (no SOVA003). No results. */
#include <stddef.h>
#include "fut.h"

void *await_reply(fut_future *reply)
{
    return fut_get(reply);
}

int await_reply_for(fut_future *reply, long timeout_ms)
{
    return fut_wait_for(reply, timeout_ms);
}

void await_batch(fut_future **replies, size_t n)
{
    fut_wait_all(replies, n);
}
