/* The true shape beside local-list-empty.c: the pool task hands the key to the pane when
 * its list of modes is not empty, and another task writes the local again (a second
 * lookup) between the test and the call; the mode key handler waits on the pool thread
 * (SOVA001), reached from both. */
#include <stddef.h>
#include <sys/queue.h>
#include "fut.h"

struct mode_entry {
    void (*key)(struct mode_entry *, int);
    fut_future *done;
    TAILQ_ENTRY(mode_entry) link;
};

struct pane {
    TAILQ_HEAD(, mode_entry) modes;
};

static struct pane the_pane;

static void edit_key(struct mode_entry *me, int key)
{
    if (key == 'e')
        fut_get(me->done); // expect: SOVA001 from: on_key, on_key_relooked
}

static void pane_key(struct pane *wp, int key)
{
    struct mode_entry *first = TAILQ_FIRST(&wp->modes);
    if (first != NULL)
        first->key(first, key);
}

static struct pane *lookup(void *arg)
{
    return arg;
}

static void *on_key(void *arg)
{
    struct pane *pane = lookup(arg);
    if (pane != NULL && !TAILQ_EMPTY(&pane->modes))
        pane_key(pane, 'e');
    return NULL;
}

static void *on_key_relooked(void *arg)
{
    struct pane *pane = lookup(arg);
    if (pane != NULL && TAILQ_EMPTY(&pane->modes)) {
        pane = lookup(arg);
        pane_key(pane, 'e');
    }
    return NULL;
}

int main(void)
{
    static struct mode_entry me;
    me.key = edit_key;
    me.done = fut_promise_future(fut_promise_new());
    TAILQ_INIT(&the_pane.modes);
    TAILQ_INSERT_TAIL(&the_pane.modes, &me, link);
    fut_executor *pool = fut_pool_new(2);
    fut_free(fut_submit(pool, on_key, &the_pane));
    fut_free(fut_submit(pool, on_key_relooked, &the_pane));
    return 0;
}
