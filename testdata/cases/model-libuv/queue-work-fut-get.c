/* uv_queue_work's work callback calls a futures-based client and waits for the result with fut_get.
 * Why: a future-like wait on libuv's small thread pool (4 threads by default) is SOVA001 even though
 * generic blocking there is fine; the after-work callback only reads a future proven ready. */
#include <stdlib.h>
#include <uv.h>
#include "fut.h"

struct lookup {
    uv_work_t req;
    long user_id;
    fut_future *profile;
    void *result;
};

fut_future *profile_fetch_async(long user_id);
void respond(long user_id, void *profile);

static void lookup_work(uv_work_t *req)
{
    struct lookup *l = req->data;
    l->profile = profile_fetch_async(l->user_id);
    l->result = fut_get(l->profile); // expect: SOVA001
}

static void lookup_done(uv_work_t *req, int status)
{
    struct lookup *l = req->data;
    if (status == 0 && fut_is_ready(l->profile))
        respond(l->user_id, fut_get(l->profile));
    fut_free(l->profile);
    free(l);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    struct lookup *l = calloc(1, sizeof *l);
    l->user_id = 42;
    l->req.data = l;
    uv_queue_work(loop, &l->req, lookup_work, lookup_done);
    return uv_run(loop, UV_RUN_DEFAULT);
}
