/* Global function pointers (a log sink set in main, an error hook set by its initializer) are called from a task.
 * Why: both targets block, and calling them from a worker starves the pool (SOVA001). */
#include <stddef.h>
#include "fut.h"

void remote_log_send_sync(const char *msg) __attribute__((annotate("sova:blocking")));
void crash_report_upload_sync(int code) __attribute__((annotate("sova:blocking")));

static void ship_log(const char *msg)
{
    remote_log_send_sync(msg); // expect: SOVA001
}

static void report_crash(int code)
{
    crash_report_upload_sync(code); // expect: SOVA001
}

static void (*g_log_sink)(const char *msg);
static void (*g_on_error)(int code) = report_crash;

static void *handle(void *arg)
{
    int *status = arg;
    g_log_sink("request handled");
    if (*status != 0)
        g_on_error(*status);
    return NULL;
}

int main(void)
{
    static int status = 0;
    g_log_sink = ship_log;
    fut_executor *pool = fut_pool_new(4);
    fut_future *h = fut_submit(pool, handle, &status);
    fut_free(h);
    return 0;
}
