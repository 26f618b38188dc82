/* A continuation scheduled on the serial DB executor submits another query to that executor and waits.
 * Why: continuations occupy the executor like tasks; on a serial executor the query never runs (SOVA004). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_db;

static void *query(void *arg)
{
    return arg;
}

static void *on_rows(void *value, void *arg)
{
    void *more = fut_get(fut_submit(g_db, query, arg)); // expect: SOVA004
    return more ? more : value;
}

int main(void)
{
    g_db = fut_serial_new();
    fut_future *q = fut_submit(g_db, query, "SELECT id FROM users");
    fut_future *t = fut_then(q, g_db, on_rows, "SELECT * FROM orders");
    fut_free(t);
    return 0;
}
