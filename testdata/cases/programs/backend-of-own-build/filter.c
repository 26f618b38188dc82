/* The filter backend: a flush waits, on the caller's own thread. */
#include "fut.h"
fut_future *g_pending;
void backend_start(void)
{
}
void backend_flush(void)
{
    fut_wait(g_pending);
}
