/* The twin of fatal-paths/dying.c: the same waits, where the program goes
 * on after them, are reported. A server's endless loop with a body is not
 * an end; longjmp returns to its setjmp and pthread_exit ends one thread
 * (the POSIX model's noreturn_not_fatal); a return before abort() leaves
 * the wait on a path that survives. */
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>
#include "fut.h"

#define report_only(msg) do { report(msg); } while (0)

static fut_future *pending;
static jmp_buf retry;

static void report(const char *msg)
{
    (void)msg;
    fut_wait(pending); // expect: SOVA001
}

static void *by_macro(void *arg)
{
    if (arg == NULL)
        report_only("no argument");
    return arg;
}

static void *before_server_loop(void *arg)
{
    fut_wait(pending); // expect: SOVA001
    for (;;)
        if (arg)
            arg = NULL;
}

static void *returns_first(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending); // expect: SOVA001
        if (pending)
            return NULL;
        abort();
    }
    return arg;
}

static void *before_longjmp(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending); // expect: SOVA001
        longjmp(retry, 1);
    }
    return arg;
}

static void *before_thread_exit(void *arg)
{
    if (arg == NULL) {
        fut_wait(pending); // expect: SOVA001
        pthread_exit(NULL);
    }
    return arg;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    pending = fut_promise_future(fut_promise_new());
    if (setjmp(retry))
        return 1;
    fut_free(fut_submit(pool, by_macro, NULL));
    fut_free(fut_submit(pool, before_server_loop, NULL));
    fut_free(fut_submit(pool, returns_first, NULL));
    fut_free(fut_submit(pool, before_longjmp, NULL));
    fut_free(fut_submit(pool, before_thread_exit, NULL));
    return 0;
}
