/* The shared library: lib_task runs a handler through its cb field.
 * Why (with a_main.c, b_main.c): program B submits lib_task itself, with its blocking
 * handler, so the wait runs on B's pool thread (SOVA001), beside table-of-other-program. */
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
