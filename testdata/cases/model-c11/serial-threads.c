/* A render queue on a serial executor coordinates with C11 threads: it joins a decoder thread, waits on a
 * cnd_t (plain and timed) and paces frames with thrd_sleep. Why: each call stalls the serial executor's
 * only thread and every task queued behind it (SOVA005). */
#include <stddef.h>
#include <threads.h>
#include <time.h>
#include "fut.h"

struct renderer {
    thrd_t decoder;
    mtx_t lock;
    cnd_t frame_ready;
    int frames;
};

static int decode(void *arg)
{
    struct renderer *r = arg;
    mtx_lock(&r->lock);
    r->frames++;
    cnd_signal(&r->frame_ready);
    mtx_unlock(&r->lock);
    return 0;
}

static void render_task(void *arg)
{
    struct renderer *r = arg;
    struct timespec deadline, frame = { .tv_nsec = 16000000 };
    int rc;
    timespec_get(&deadline, TIME_UTC);
    deadline.tv_sec += 1;
    mtx_lock(&r->lock);
    while (r->frames == 0)
        cnd_wait(&r->frame_ready, &r->lock); // expect: SOVA005
    cnd_timedwait(&r->frame_ready, &r->lock, &deadline); // expect: SOVA005
    mtx_unlock(&r->lock);
    thrd_sleep(&frame, NULL); // expect: SOVA005
    thrd_join(r->decoder, &rc); // expect: SOVA005
}

int main(void)
{
    static struct renderer r;
    fut_executor *queue = fut_serial_new();
    mtx_init(&r.lock, mtx_plain);
    cnd_init(&r.frame_ready);
    thrd_create(&r.decoder, decode, &r);
    fut_post(queue, render_task, &r);
    fut_executor_free(queue);
    return 0;
}
