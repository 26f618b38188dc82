/* Static functions of a header are extracted only when the TU names them
 * (directly, through another such function, in a table) or they run
 * unnamed (a constructor); a function a header's macro defines in this
 * file is this file's. Each blocking one reached from a pool task is
 * reported (SOVA001); the header's never-named helper is not. */
#include "helpers.h"

DEFINE_LOADER(config) // expect: SOVA001

static void *render_task(void *arg)
{
    return wait_outer(arg);
}

int main(void)
{
    fut_future *src = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(helpers_pool, render_task, src));
    fut_free(fut_submit(helpers_pool, helper_tasks[0], src));
    fut_free(fut_submit(helpers_pool, config_loader, src));
    return 0;
}
