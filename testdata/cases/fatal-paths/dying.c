/* Waits on a path that ends the process are not reported: glib's
 * child_read calls g_error("write failed") after a failed fwrite, and
 * g_error logs, then spins in `for (;;) ;`. Why: nothing waits for a
 * process that is aborting; a maintainer rejects such a report. The
 * twin, fatal-paths/survives.c, keeps the same waits where the path goes on. */
#include <stdlib.h>
#include <unistd.h>
#include "fut.h"

/* g_error's shape: report, then an empty endless loop. */
#define die(msg) do { report(msg); for (;;) ; } while (0)

static fut_future *pending;

static void report(const char *msg)
{
    (void)msg;
    fut_wait(pending); /* flush the log: only ever before dying */
}

_Noreturn static void fatal(const char *msg)
{
    (void)msg;
    exit(1);
}

static void *by_macro(void *arg)
{
    if (arg == NULL)
        die("no argument");
    return arg;
}

static void *before_abort(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending);
        abort();
    }
    return arg;
}

static void *before_c11_noreturn(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending);
        fatal("no argument");
    }
    return arg;
}

static void *in_both_branches(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending);
        if (pending)
            abort();
        else
            exit(2);
    }
    return arg;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    pending = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(pool, by_macro, NULL));
    fut_free(fut_submit(pool, before_abort, NULL));
    fut_free(fut_submit(pool, before_c11_noreturn, NULL));
    fut_free(fut_submit(pool, in_both_branches, NULL));
    return 0;
}
