/* Cross-TU chain, middle: the pool task and a static validation step. */
#include <stddef.h>
#include "orders.h"

static int validate(struct order *o)
{
    if (o->cents <= 0)
        return 0;
    return charge_card(o);
}

void *process_order(void *arg)
{
    struct order *o = arg;
    return validate(o) ? o : NULL;
}
