/* Shared declarations for the xtu-chain case. */
#ifndef ORDERS_H
#define ORDERS_H

#include "fut.h"

struct order {
    int id;
    long cents;
    fut_future *payment;
};

void *process_order(void *arg);         /* b.c: the pool task */
int charge_card(struct order *o);       /* c.c: waits for the payment gateway */

#endif
