/* The shared library: lib_task runs a handler through its cb field.
 * Why (with a_main.c, b_main.c): only program A submits lib_task to a pool, and A's
 * handler is quick; B's blocking handler runs only from B's main. The chain
 * lib_task -> h->cb -> b_on_event would cross from A into B's own code: no result. */
#include <stddef.h>
#include "lib.h"
void lib_dispatch(struct handler *h)
{
    h->cb(h->arg);
}
void *lib_task(void *arg)
{
    lib_dispatch(arg);
    return NULL;
}
