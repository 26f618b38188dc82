/* main submits work, pumps its own event loop until the future is ready, then reads it under fut_is_ready().
 * Why: the completion proof means fut_get cannot block, so there is no wrap-then-block. No results. */
#include <stddef.h>
#include "fut.h"

void ui_pump_events(void);

static void *render_preview(void *arg)
{
    return arg;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(2);
    fut_future *preview = fut_submit(pool, render_preview, "doc.pdf");
    while (!fut_is_ready(preview))
        ui_pump_events();
    void *img = NULL;
    if (fut_is_ready(preview))
        img = fut_get(preview);
    fut_free(preview);
    return img == NULL;
}
