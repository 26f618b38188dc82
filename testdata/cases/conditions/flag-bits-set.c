/* The twin of flag-bits-clear.c: the worker passes T_LINK among its flags,
 * so the bit test `if (test & T_LINK)` holds and the wait can run, after
 * `test &= ~T_EXEC` as before. Why: a bit test prunes only when the
 * caller's constant has the bit clear; reported. */
#include "fut.h"

enum test_flags { T_EXISTS = 1, T_EXEC = 2, T_LINK = 4, T_DIR = 8 };

static fut_future *link_target;

static int check(const char *path, int test)
{
    (void)path;
    if (test & T_EXISTS)
        return 1;
    test &= ~T_EXEC;
    if (test & T_LINK) {
        fut_wait(link_target); // expect: SOVA001
        return 1;
    }
    return 0;
}

static void *scan(void *arg)
{
    check(arg, T_EXEC | T_LINK);
    return NULL;
}

int main(void)
{
    link_target = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), scan, "/tmp"));
    return 0;
}
