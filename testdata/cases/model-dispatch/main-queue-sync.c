/* UI code keeps the main queue in a global; a block already running on it calls ui_refresh_now(), which
 * dispatch_sync()s onto it. Why: the main queue is serial and busy with the caller: certain deadlock (SOVA004).
 * A worker on a global queue handing results to the UI with dispatch_async() is the fix and is not reported. */
#include <dispatch/dispatch.h>
#include <stdio.h>

static dispatch_queue_t g_ui;
static int g_progress;

static void ui_refresh_now(void)
{
    dispatch_sync(g_ui, ^{ // expect: SOVA004
        printf("progress %d%%\n", g_progress);
    });
}

static void on_download_progress(int percent)
{
    dispatch_async(g_ui, ^{
        g_progress = percent;
        ui_refresh_now();
    });
}

static void compute_in_background(void)
{
    dispatch_async(dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0), ^{
        int result = 6 * 7;
        dispatch_async(g_ui, ^{
            printf("result %d\n", result);
        });
    });
}

int main(void)
{
    g_ui = dispatch_get_main_queue();
    on_download_progress(50);
    compute_in_background();
    dispatch_main();
}
