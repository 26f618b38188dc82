/* Two command tables of one struct type: the request pool dispatches over worker_cmds (by
 * index, and through a pointer into the table); only main's admin console uses admin_cmds,
 * whose "sync" command waits for the journal. One worker command waits too.
 * Why: all elements of one array are one object, kept apart from the other array; only the
 * worker table's wait is reported (SOVA001). */
#include <stddef.h>
#include <string.h>
#include "fut.h"

struct command {
    const char *name;
    int (*handler)(const char *arg);
};

static fut_future *g_journal;
static fut_future *g_index;

static int cmd_get(const char *arg) { return (int)strlen(arg); }
static int cmd_reindex(const char *arg) { (void)arg; fut_wait(g_index); return 0; } // expect: SOVA001
static int cmd_sync(const char *arg) { (void)arg; fut_wait(g_journal); return 0; }
static int cmd_stats(const char *arg) { (void)arg; return 1; }

static const struct command worker_cmds[] = {
    { "get", cmd_get },
    { "reindex", cmd_reindex },
};

static const struct command admin_cmds[] = {
    { .name = "sync", .handler = cmd_sync },
    { .name = "stats", .handler = cmd_stats },
};

static void *serve(void *arg)
{
    const char *line = arg;
    for (size_t i = 0; i < sizeof worker_cmds / sizeof worker_cmds[0]; i++)
        if (strcmp(worker_cmds[i].name, line) == 0)
            return (void *)(long)worker_cmds[i].handler(line);
    const struct command *first = &worker_cmds[0];
    first->handler(line);
    return NULL;
}

int main(void)
{
    fut_promise *j = fut_promise_new(), *x = fut_promise_new();
    g_journal = fut_promise_future(j);
    g_index = fut_promise_future(x);
    fut_executor *pool = fut_pool_new(4);
    fut_future *f = fut_submit(pool, serve, "get");
    for (size_t i = 0; i < 2; i++)
        admin_cmds[i].handler("console");
    fut_promise_set(j, NULL);
    fut_promise_set(x, NULL);
    fut_free(f);
    return 0;
}
