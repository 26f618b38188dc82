/* A job receives its pool as the job argument (README style: thpool_add_work(pool, (void *)fn, pool)) and
 * destroys the pool when the work list is exhausted.
 * Why: thpool_destroy waits for the running jobs, the caller included, to finish: self-wait through the
 * job's argument (SOVA004). */
#include <stdio.h>
#include <unistd.h>
#include "thpool.h"

static int remaining = 100;

static void crawl_next(void *arg)
{
    threadpool pool = arg;
    if (__atomic_sub_fetch(&remaining, 1, __ATOMIC_SEQ_CST) <= 0) {
        thpool_destroy(pool); // expect: SOVA004
        return;
    }
    printf("crawling page %d\n", remaining);
}

int main(void)
{
    threadpool pool = thpool_init(4);
    for (int i = 0; i < 100; i++)
        thpool_add_work(pool, (void *)crawl_next, (void *)pool);
    while (__atomic_load_n(&remaining, __ATOMIC_SEQ_CST) > 0)
        sleep(1);
    return 0;
}
