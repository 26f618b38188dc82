/* two different globals, both serial: no self wait */
#include <stddef.h>
#include "fut.h"
static fut_executor *g_ui;
static fut_executor *g_db;
static void *query(void *arg) { return arg; }
static void *render(void *arg) { return fut_get(fut_submit(g_db, query, arg)); } // expect: SOVA001
int main(void) {
    g_ui = fut_serial_new();
    g_db = fut_serial_new();
    fut_future *f = fut_submit(g_ui, render, NULL);
    fut_free(f);
    return 0;
}
