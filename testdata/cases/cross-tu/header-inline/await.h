/* Shared static inline helper included by both TUs of the header-inline case. */
#ifndef AWAIT_H
#define AWAIT_H

#include "fut.h"

static inline void *await_result(fut_future *f)
{
    return fut_get(f); // expect: SOVA001
}

void start_scan(fut_executor *ex, fut_future *src); /* b.c */

#endif
