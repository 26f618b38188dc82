/* A UI-state actor runs on a serial executor; its task debounces with sleep, usleep and nanosleep.
 * Why: a serial executor runs one task at a time, so a sleeping task stalls every task queued behind it
 * (SOVA005). The same sleeps in main are not reported. */
#include <stddef.h>
#include <time.h>
#include <unistd.h>
#include "fut.h"

struct ui_state {
    int dirty;
    int frames;
};

static void redraw(void *arg)
{
    struct ui_state *ui = arg;
    struct timespec frame = { 0, 16 * 1000 * 1000 };
    if (!ui->dirty) {
        sleep(1); // expect: SOVA005
        return;
    }
    usleep(500); // expect: SOVA005
    nanosleep(&frame, NULL); // expect: SOVA005
    clock_nanosleep(CLOCK_MONOTONIC, 0, &frame, NULL); // expect: SOVA005
    ui->frames++;
    ui->dirty = 0;
}

int main(void)
{
    static struct ui_state ui = { 1, 0 };
    fut_executor *ui_queue = fut_serial_new();
    struct timespec settle = { 0, 1000 };
    nanosleep(&settle, NULL);
    for (int i = 0; i < 3; i++)
        fut_post(ui_queue, redraw, &ui);
    sleep(1);
    fut_executor_free(ui_queue);
    return 0;
}
