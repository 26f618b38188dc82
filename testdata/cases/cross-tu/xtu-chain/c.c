/* Cross-TU chain, end: charge_card waits for the payment future via a static helper. */
#include <stddef.h>
#include "orders.h"

static void *confirm_payment(struct order *o)
{
    return fut_get(o->payment); // expect: SOVA001
}

int charge_card(struct order *o)
{
    return confirm_payment(o) != NULL;
}
