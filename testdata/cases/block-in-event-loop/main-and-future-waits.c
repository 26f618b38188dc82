/* Generic blocking in main, and a future wait in a serial task. Why: main is no async context (no result
 * for its sleep); a wait on a future is SOVA001 in any async context, never SOVA005 (precedence). */
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

static fut_future *g_config;

static void apply_config(void *arg)
{
    (void)arg;
    fut_wait(g_config); // expect: SOVA001
}

int main(void)
{
    g_config = fut_promise_future(fut_promise_new());
    fut_post(fut_serial_new(), apply_config, NULL);
    sleep(1);
    return 0;
}
