/* Code submits a checksum task and immediately blocks on it: fut_get(fut_submit(...)).
 * Why: wrap-then-block gains nothing from the pool and hides a synchronous call (SOVA002);
 * in an exported function SOVA002 takes precedence over SOVA003. */
#include <stdio.h>
#include <stdint.h>
#include "fut.h"

static void *checksum(void *arg)
{
    const unsigned char *p = arg;
    uintptr_t sum = 0;
    while (*p)
        sum += *p++;
    return (void *)sum;
}

void warm_up(fut_executor *ex)
{
    fut_wait(fut_submit(ex, checksum, "warm-up")); // expect: SOVA002
}

int main(int argc, char **argv)
{
    (void)argc;
    fut_executor *pool = fut_pool_new(4);
    warm_up(pool);
    void *sum = fut_get(fut_submit(pool, checksum, argv[0])); // expect: SOVA002
    printf("%lu\n", (unsigned long)(uintptr_t)sum);
    fut_executor_free(pool);
    return 0;
}
