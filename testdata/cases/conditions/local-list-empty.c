/* tmux's shape (server-client.c:1776-1783, window.c:2009-2019): a pool task looks up
 * a pane, and only when its list of modes is empty hands the key to the pane, which
 * calls a mode's key handler only when the list has a first entry; the handler waits.
 * Why: the local `pane` is tested with TAILQ_EMPTY before it is passed, and in the
 * callee `first` holds the list's first entry, so the handler's call cannot run; no
 * result. */
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
        fut_get(me->done);
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
    if (pane != NULL && TAILQ_EMPTY(&pane->modes))
        pane_key(pane, 'e');
    return NULL;
}

int main(void)
{
    static struct mode_entry me;
    me.key = edit_key;
    me.done = fut_promise_future(fut_promise_new());
    TAILQ_INIT(&the_pane.modes);
    TAILQ_INSERT_TAIL(&the_pane.modes, &me, link);
    fut_free(fut_submit(fut_pool_new(2), on_key, &the_pane));
    return 0;
}
