/* The twin of flag-derived-bool.c: the worker passes SPAWN_DO_NOT_REAP and
 * SPAWN_LEAVE_FDS_OPEN, so both booleans the helper is given,
 * `!(flags & SPAWN_DO_NOT_REAP)` and `!(flags & SPAWN_LEAVE_FDS_OPEN)`, are
 * 0 and `if (!reap_child && !close_fds)` holds. A second worker passes its
 * flags through `flags & SPAWN_LEAVE_FDS_OPEN` kept as bits, which the
 * helper tests as a truth. Why: the booleans are computed from the
 * caller's constant; reported, once for each helper. */
#include "fut.h"

enum spawn_flags { SPAWN_DEFAULT = 0, SPAWN_DO_NOT_REAP = 2, SPAWN_LEAVE_FDS_OPEN = 4, SPAWN_SEARCH_PATH = 8 };

static fut_future *child_done;

static int spawn_child(int reap_child, int close_fds, int search_path)
{
    (void)search_path;
    if (!reap_child && !close_fds) {
        fut_wait(child_done); // expect: SOVA001
        return 1;
    }
    return 0;
}

static int spawn(const char *argv0, int flags)
{
    (void)argv0;
    return spawn_child(!(flags & SPAWN_DO_NOT_REAP), !(flags & SPAWN_LEAVE_FDS_OPEN),
                       (flags & SPAWN_SEARCH_PATH) != 0);
}

static int keep_fds(int leave_open)
{
    if (leave_open)
        fut_wait(child_done); // expect: SOVA001
    return 0;
}

static int spawn_keeping(int flags)
{
    return keep_fds(flags & SPAWN_LEAVE_FDS_OPEN);
}

static void *handle_request(void *arg)
{
    spawn(arg, SPAWN_DO_NOT_REAP | SPAWN_LEAVE_FDS_OPEN);
    spawn_keeping(SPAWN_LEAVE_FDS_OPEN | SPAWN_SEARCH_PATH);
    return NULL;
}

int main(void)
{
    child_done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), handle_request, "/bin/true"));
    return 0;
}
