/* Fire-and-forget work posted with fut_post() blocks until the SMTP connection is ready.
 * Why: posted work runs on an executor thread just like fut_submit tasks (SOVA001). */
#include <stdio.h>
#include "fut.h"

struct mail {
    const char *to;
    fut_future *smtp_ready;
};

static void send_mail(void *arg)
{
    struct mail *m = arg;
    fut_wait(m->smtp_ready); // expect: SOVA001
    printf("sent to %s\n", m->to);
}

static void log_event(void *arg)
{
    printf("event: %s\n", (const char *)arg);
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    fut_promise *conn = fut_promise_new();
    struct mail m = { "ops@example.org", NULL };
    m.smtp_ready = fut_promise_future(conn);
    fut_post(pool, send_mail, &m);
    fut_post(pool, log_event, "queued");
    fut_promise_set(conn, NULL);
    fut_executor_free(pool);
    return 0;
}
