/* Program B's helper(): it waits, on B's pool thread. */
#include "fut.h"
fut_future *g_done;
void helper(void)
{
    fut_wait(g_done); // expect: SOVA001
}
