/* command table: array of structs with designated indices, dispatched from a worker */
#include <stddef.h>
#include "fut.h"
enum { CMD_GET, CMD_SET, CMD_N };
struct cmd { const char *name; void *(*run)(void *); };
static fut_future *g_dep;
static void *cmd_get(void *a) { (void)a; return fut_get(g_dep); } // expect: SOVA001
static void *cmd_set(void *a) { return a; }
static const struct cmd cmds[CMD_N] = { [CMD_SET] = { "set", cmd_set }, [CMD_GET] = { .name = "get", .run = cmd_get } };
static void *dispatch(void *arg) { int i = *(int *)arg; return cmds[i].run(arg); }
int main(void) {
    static int which = CMD_GET;
    g_dep = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), dispatch, &which));
    return 0;
}
