/* Cross-TU self-wait: the global serial executor is defined here; ui.c's task (running on it) submits
 * model.c's work to it and waits. Why: the same global across TUs is the same executor: certain deadlock (SOVA004). */
#include <stddef.h>
#include "loop.h"

fut_executor *g_main_loop;

int main(void)
{
    g_main_loop = fut_serial_new();
    fut_future *f = fut_submit(g_main_loop, on_click, "save-button");
    fut_free(f);
    return 0;
}
