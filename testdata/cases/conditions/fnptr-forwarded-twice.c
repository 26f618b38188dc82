/* knot-resolver's shape: trie_apply(t, f) forwards f to apply_trie, which forwards it to
 * apply_node, which calls it. A worker applies a quick function; only main applies the
 * blocking close_key. Why: f keeps its caller's value through both helpers; no result. */
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
    fut_wait(g_closed);
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

static void *on_timer(void *arg)
{
    static int live;
    (void)arg;
    trie_apply(&g_cache, count_key, &live);
    return NULL;
}

int main(void)
{
    g_closed = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(fut_pool_new(2), on_timer, NULL));
    trie_apply(&g_cache, close_key, NULL);
    return 0;
}
