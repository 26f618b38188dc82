/* A task sorts servers with an in-project insertion sort that calls the comparator itself.
 * Why: isort is analysed, so the comparator is reached from the worker and its waits starve the pool (SOVA001). */
#include <stddef.h>
#include "fut.h"

struct server {
    const char *host;
    fut_future *probe;
    int ms;
};

static void swap_bytes(unsigned char *a, unsigned char *b, size_t sz)
{
    for (size_t i = 0; i < sz; i++) {
        unsigned char t = a[i];
        a[i] = b[i];
        b[i] = t;
    }
}

static void isort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
    unsigned char *p = base;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(p + (j - 1) * sz, p + j * sz) > 0; j--)
            swap_bytes(p + (j - 1) * sz, p + j * sz, sz);
}

static int by_latency(const void *a, const void *b)
{
    const struct server *sa = a, *sb = b;
    fut_wait(sa->probe); // expect: SOVA001
    fut_wait(sb->probe); // expect: SOVA001
    return sa->ms - sb->ms;
}

struct fleet {
    struct server servers[8];
    size_t n;
};

static void *pick_fastest(void *arg)
{
    struct fleet *f = arg;
    isort(f->servers, f->n, sizeof f->servers[0], by_latency);
    return f->n ? &f->servers[0] : NULL;
}

int main(void)
{
    static struct fleet fl;
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, pick_fastest, &fl);
    fut_free(f);
    return 0;
}
