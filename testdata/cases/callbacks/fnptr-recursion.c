/* recursion through function pointers; must terminate */
#include <stddef.h>
#include "fut.h"
struct node { void (*visit)(struct node *); struct node *next; fut_future *f; };
static void visit(struct node *n) { if (n->next) n->next->visit(n->next); else fut_wait(n->f); } // expect: SOVA001
static void *task(void *arg) { struct node *n = arg; n->visit = visit; n->visit(n); return NULL; }
int main(void) {
    static struct node n;
    fut_executor *ex = fut_pool_new(2);
    fut_future *f = fut_submit(ex, task, &n);
    fut_free(f);
    return 0;
}
