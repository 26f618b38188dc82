/* The true shape beside fnptr-forwarded-twice.c: the worker itself applies the blocking
 * close_key through both forwarding helpers, so it waits on the pool thread (SOVA001). */
#include <stddef.h>
#include "fut.h"

typedef int (*apply_fn)(void *value, void *baton);

struct node {
    void *value;
};

struct trie {
    struct node nodes[8];
};

static fut_future *g_closed;

static int close_key(void *value, void *baton)
{
    (void)value;
    (void)baton;
    fut_wait(g_closed); // expect: SOVA001
    return 0;
}

static int count_key(void *value, void *baton)
{
    (void)value;
    ++*(int *)baton;
    return 0;
}

static int apply_node(struct node *n, apply_fn f, void *baton)
{
    return f(n->value, baton);
}

static int apply_trie(struct trie *t, apply_fn f, void *baton)
{
    for (int i = 0; i < 8; i++)
        apply_node(&t->nodes[i], f, baton);
    return 0;
}

static int trie_apply(struct trie *t, apply_fn f, void *baton)
{
    return t ? apply_trie(t, f, baton) : 0;
}

static struct trie g_cache;

static void *on_shutdown(void *arg)
{
    static int live;
    (void)arg;
    trie_apply(&g_cache, count_key, &live);
    trie_apply(&g_cache, close_key, NULL);
    return NULL;
}

int main(void)
{
    g_closed = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_shutdown, NULL));
    return 0;
}
