/* on_readable is registered with an external event loop (invisible to sova) and annotated sova:worker.
 * Why: the annotation declares an executor context, so its wait stalls the loop (SOVA001);
 * the same wait in an unannotated function called only from main is not reported. */
#include <stddef.h>
#include "fut.h"

#define SOVA_WORKER __attribute__((annotate("sova:worker")))

/* Provided by the event-loop library; not analysed. */
void loop_watch(int fd, void (*cb)(int fd, void *ud), void *ud);
void loop_run(void);

struct conn {
    int fd;
    fut_future *auth;
    long bytes;
};

SOVA_WORKER static void on_readable(int fd, void *ud)
{
    struct conn *c = ud;
    fut_wait(c->auth); // expect: SOVA001
    c->bytes += fd;
}

static void drain_at_exit(struct conn *c)
{
    fut_wait(c->auth);
}

int main(void)
{
    fut_promise *auth = fut_promise_new();
    struct conn c = { 3, NULL, 0 };
    c.auth = fut_promise_future(auth);
    loop_watch(c.fd, on_readable, &c);
    loop_run();
    drain_at_exit(&c);
    return 0;
}
