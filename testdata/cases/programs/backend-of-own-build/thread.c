/* The thread backend: replies arrive on a pool task, and a flush waits there. */
#include <stddef.h>
#include "fut.h"
void engine_on_reply(void);
fut_future *g_reply;
static void *on_reply(void *arg)
{
    engine_on_reply();
    return arg;
}
void backend_start(void)
{
    fut_free(fut_submit(fut_pool_new(2), on_reply, NULL));
}
void backend_flush(void)
{
    fut_wait(g_reply); // expect: SOVA001
}
