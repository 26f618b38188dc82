/* A ranking task passes blocking comparators to qsort() and bsearch() from libc.
 * Why: libc is not analysed, so passing a function to it is a hand-off: the comparators do not become
 * workers and nothing is reported. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fut.h"

const char *name_canonicalize_sync(const char *name) __attribute__((annotate("sova:blocking")));

struct player {
    const char *name;
    fut_future *score;
};

static int by_score(const void *a, const void *b)
{
    const struct player *pa = a, *pb = b;
    intptr_t sa = (intptr_t)fut_get(pa->score);
    intptr_t sb = (intptr_t)fut_get(pb->score);
    return (sa > sb) - (sa < sb);
}

static int by_name_key(const void *key, const void *elem)
{
    const struct player *p = elem;
    return strcmp(name_canonicalize_sync(key), p->name);
}

struct board {
    struct player players[16];
    size_t n;
    const char *wanted;
    struct player *found;
};

static void *rank_players(void *arg)
{
    struct board *b = arg;
    qsort(b->players, b->n, sizeof b->players[0], by_score);
    b->found = bsearch(b->wanted, b->players, b->n, sizeof b->players[0], by_name_key);
    return b->found;
}

int main(void)
{
    static struct board b = { .n = 0, .wanted = "alice" };
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, rank_players, &b);
    fut_free(f);
    return 0;
}
