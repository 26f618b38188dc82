/* A job on the global pool fans out sub-jobs to the same pool and waits for the pool with thpool_wait.
 * Why: thpool_wait returns when no job is queued or running, and the caller is a running job of that pool:
 * it waits for itself (SOVA004). */
#include <stdio.h>
#include <stdlib.h>
#include "thpool.h"

static threadpool workers;

struct chunk {
    const double *data;
    size_t n;
    double sum;
};

static void sum_chunk(void *arg)
{
    struct chunk *c = arg;
    c->sum = 0;
    for (size_t i = 0; i < c->n; i++)
        c->sum += c->data[i];
}

static void sum_array(void *arg)
{
    struct chunk *all = arg;
    struct chunk parts[4];
    size_t step = all->n / 4;
    for (int i = 0; i < 4; i++) {
        parts[i].data = all->data + i * step;
        parts[i].n = i == 3 ? all->n - 3 * step : step;
        thpool_add_work(workers, sum_chunk, &parts[i]);
    }
    thpool_wait(workers); // expect: SOVA004
    all->sum = parts[0].sum + parts[1].sum + parts[2].sum + parts[3].sum;
}

int main(void)
{
    static double data[1 << 20];
    struct chunk all = { data, sizeof data / sizeof data[0], 0 };
    for (size_t i = 0; i < all.n; i++)
        data[i] = (double)i;
    workers = thpool_init(4);
    thpool_add_work(workers, sum_array, &all);
    thpool_wait(workers);
    printf("%f\n", all.sum);
    thpool_destroy(workers);
    return 0;
}
