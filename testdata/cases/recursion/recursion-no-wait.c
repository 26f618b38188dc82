/* A pool task evaluates an expression tree with mutual and self recursion, without any wait.
 * Why: recursion alone is not blocking; the analysis must terminate on cycles and report nothing. */
#include <stddef.h>
#include <stdint.h>
#include "fut.h"

struct expr {
    char op; /* '+', '*', 'n' */
    long value;
    struct expr *lhs;
    struct expr *rhs;
};

static long eval(const struct expr *e);

static long eval_binary(const struct expr *e)
{
    long l = eval(e->lhs);
    long r = eval(e->rhs);
    return e->op == '+' ? l + r : l * r;
}

static long eval(const struct expr *e)
{
    if (e->op == 'n')
        return e->value;
    return eval_binary(e);
}

static long depth(const struct expr *e)
{
    if (e == NULL || e->op == 'n')
        return 0;
    long l = depth(e->lhs), r = depth(e->rhs);
    return 1 + (l > r ? l : r);
}

static void *eval_task(void *arg)
{
    const struct expr *e = arg;
    return (void *)(intptr_t)(eval(e) + depth(e));
}

int main(void)
{
    static struct expr two = { 'n', 2, NULL, NULL };
    static struct expr three = { 'n', 3, NULL, NULL };
    static struct expr sum = { '+', 0, &two, &three };
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, eval_task, &sum);
    fut_free(f);
    return 0;
}
