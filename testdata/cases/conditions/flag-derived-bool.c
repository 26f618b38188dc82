/* glib's gspawn.c shape: the public call takes flags, and passes booleans
 * computed from them to a helper: `!(flags & SPAWN_DO_NOT_REAP)` and
 * `!(flags & SPAWN_LEAVE_FDS_OPEN)`. The helper waits only when both are
 * false (`if (!reap_child && !close_fds)`). Why: the worker passes flags
 * without either bit, so both booleans are 1 and the wait cannot run; no
 * result. The twin, flag-derived-bool-set.c, passes both bits and is
 * reported. */
#include "fut.h"

enum spawn_flags { SPAWN_DEFAULT = 0, SPAWN_DO_NOT_REAP = 2, SPAWN_LEAVE_FDS_OPEN = 4, SPAWN_SEARCH_PATH = 8 };

static fut_future *child_done;

static int spawn_child(int reap_child, int close_fds, int search_path)
{
    (void)search_path;
    if (!reap_child && !close_fds) {
        fut_wait(child_done);
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

static int launch(const char *argv0)
{
    return spawn(argv0, SPAWN_SEARCH_PATH);
}

static void *handle_request(void *arg)
{
    launch(arg);
    return NULL;
}

int main(void)
{
    child_done = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), handle_request, "/bin/true"));
    return 0;
}
