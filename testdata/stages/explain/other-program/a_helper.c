/* --explain across programs: program A's helper() waits; only A's main calls it. */
#include "fut.h"
fut_future *g_done;
void helper(void)
{
    fut_wait(g_done); // explain
}
