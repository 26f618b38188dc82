/* Program A's helper(): it waits, which is fine where A calls it (main). */
#include "fut.h"
fut_future *g_done;
void helper(void)
{
    fut_wait(g_done);
}
