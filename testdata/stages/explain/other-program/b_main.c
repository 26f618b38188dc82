/* Program B: a pool task calls helper(), B's own. */
#include <stddef.h>
#include "fut.h"
void helper(void);
static void *task(void *arg)
{
    helper();
    return arg;
}
int main(void)
{
    fut_free(fut_submit(fut_pool_new(2), task, NULL));
    return 0;
}
