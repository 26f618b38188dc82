/* A serial task calls a helper its author annotated sova:nonblocking; inside, a sleep that only runs when
 * the helper's caller already owns the wait. Why: the annotation cuts the chain (no result); the same
 * sleep outside the helper is reported (SOVA005). */
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

__attribute__((annotate("sova:nonblocking"))) static void backoff_if_idle(int idle)
{
    if (idle)
        usleep(10);
}

static void drain(void *arg)
{
    backoff_if_idle(arg == NULL);
    usleep(100); // expect: SOVA005
}

int main(void)
{
    fut_post(fut_serial_new(), drain, NULL);
    return 0;
}
