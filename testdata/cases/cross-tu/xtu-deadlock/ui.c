/* Cross-TU self-wait: the click handler waits for model work on its own serial loop. */
#include <stddef.h>
#include "loop.h"

void *on_click(void *arg)
{
    void *model = fut_get(fut_submit(g_main_loop, refresh_model, arg)); // expect: SOVA004
    return model;
}
