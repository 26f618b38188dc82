/* future returned through two levels of helpers, and via a local in the middle helper */
#include <stddef.h>
#include "fut.h"
static void *load(void *arg) { return arg; }
static fut_executor *g_pool;
static fut_future *start_load(void *key) { return fut_submit(g_pool, load, key); }
static fut_future *start_cached(void *key) { fut_future *f = start_load(key); return f; }
static fut_future *start_top(void *key) { return start_cached(key); }
int main(void) {
    g_pool = fut_pool_new(4);
    void *a = fut_get(start_top("a")); // expect: SOVA002
    fut_future *b = start_cached("b");
    fut_wait(b); // expect: SOVA002
    for (int i = 0; i < 3; i++) {
        fut_future *c = fut_submit(g_pool, load, NULL);
        while (!fut_is_ready(c)) {
        }
        fut_get(c); // expect: SOVA002
    }
    return a == NULL;
}
