/* The thread backend: replies arrive on a pool task; a flush only counts. */
#include <stddef.h>
#include "fut.h"
void engine_on_reply(void);
static int g_flushes;
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
    g_flushes++;
}
