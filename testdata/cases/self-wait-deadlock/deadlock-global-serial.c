/* Tasks on the global serial UI executor submit layout work to the same executor and wait for it.
 * Why: a serial executor runs one task at a time, so the sub-task never starts: certain deadlock (SOVA004). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_ui;

static void *layout(void *arg)
{
    return arg;
}

static void *repaint(void *arg)
{
    void *boxes = fut_get(fut_submit(g_ui, layout, arg)); // expect: SOVA004
    return boxes;
}

static void *relayout_all(void *arg)
{
    fut_future *f = fut_submit(g_ui, layout, arg);
    fut_wait(f); // expect: SOVA004
    fut_free(f);
    return NULL;
}

int main(void)
{
    g_ui = fut_serial_new();
    fut_future *a = fut_submit(g_ui, repaint, "root");
    fut_future *b = fut_submit(g_ui, relayout_all, "root");
    fut_free(a);
    fut_free(b);
    return 0;
}
