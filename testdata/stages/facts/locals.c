/* Tests of local variables: a local that holds what a parameter held (its
 * one write) is a test of the parameter; a test of a local holds at a
 * later call that passes it, while nothing writes it in between. TAILQ's
 * (&head)->first and an `if (E) goto out;` count as well. */
#include <stddef.h>
#include <sys/queue.h>

struct entry {
    int key;
    TAILQ_ENTRY(entry) link;
};
struct pane {
    TAILQ_HEAD(, entry) modes;
    int state;
};

void work(void);
void other(void);
void take(struct pane *wp);
struct pane *active(void);

/* The callback shape: `it` is `data` under another type. */
void callback(void *data)
{
    struct pane *it = data;
    switch (it->state) {
    case 1:
        work();
        break;
    }
}

/* wme holds wp's first mode: its tests are of wp->modes.tqh_first. */
void pane_key(struct pane *wp)
{
    struct entry *wme;
    wme = TAILQ_FIRST(&wp->modes);
    if (wme != NULL) {
        work();
        return;
    }
    other();
}

/* A local written twice says nothing through its first value. */
void twice(struct pane *wp, struct pane *other_pane)
{
    struct pane *p = wp;
    if (p->state == 2)
        work();
    p = other_pane;
}

/* Tests of the local passed: kept while nothing writes it. */
void callers(void)
{
    struct pane *wp = active();
    if (wp != NULL && TAILQ_EMPTY(&wp->modes)) {
        take(wp);
        wp->state = 3;
        take(wp);
        wp = active();
        take(wp);
    }
    struct pane *q = active();
    if (q == NULL)
        return;
    for (int i = 0; i < 2; i++)
        take(q);
    take(q);
    struct pane *r = active();
    struct pane **rr = &r;
    if (r != NULL)
        take(*rr);
    if (r != NULL)
        take(r);
}

/* `if (E) goto out;` leaves E false until the label. */
void cleanup(int key, struct pane *wp)
{
    if (key == 0)
        goto out;
    take(wp);
out:
    other();
}
