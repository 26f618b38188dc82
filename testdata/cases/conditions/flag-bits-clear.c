/* glib's g_file_test shape: the wait runs only for one flag bit
 * (`if (test & T_LINK)`), the worker passes other bits, and the callee
 * clears a bit of its own first (`test &= ~T_EXEC`, which adds none). Why:
 * the caller's constant has the bit clear, so the wait cannot run; no
 * result. The twin, flag-bits-set.c, passes the bit and is reported. */
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
        fut_wait(link_target);
        return 1;
    }
    return 0;
}

static void *scan(void *arg)
{
    check(arg, T_EXEC | T_DIR);
    return NULL;
}

int main(void)
{
    link_target = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), scan, "/tmp"));
    return 0;
}
