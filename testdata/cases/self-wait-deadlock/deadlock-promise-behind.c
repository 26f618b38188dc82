/* A task on the serial cache executor waits on a promise that only work queued behind it, on the same executor,
 * completes. Why: the serial executor runs one task at a time, so the completing task starts only after the waiting
 * one returns: certain deadlock (SOVA004). When the completing work goes to the I/O pool, the promise is also
 * completed from main, or main queued the completing work (it may run before the waiting task), the task blocks
 * its executor's thread but is no certain self-wait (SOVA001). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_cache;
static fut_executor *g_io;

struct request {
    const char *key;
    fut_promise *cached;  /* completed only by fill_cached, on g_cache */
    fut_promise *fetched; /* completed only by fetch_remote, on g_io */
    fut_promise *warmed;  /* completed on g_cache and by main */
    fut_promise *loaded;  /* completed only by load, queued on g_cache by main */
    void *value;
};

static void fill_cached(void *arg)
{
    struct request *req = arg;
    fut_promise_set(req->cached, (void *)req->key);
}

static void fetch_remote(void *arg)
{
    struct request *req = arg;
    fut_promise_set(req->fetched, (void *)req->key);
}

static void warm(void *arg)
{
    struct request *req = arg;
    fut_promise_set(req->warmed, NULL);
}

static void load(void *arg)
{
    struct request *req = arg;
    fut_promise_set(req->loaded, NULL);
}

static void lookup_loaded(void *arg)
{
    struct request *req = arg;
    req->value = fut_get(fut_promise_future(req->loaded)); // expect: SOVA001
}

static void lookup(void *arg)
{
    struct request *req = arg;
    req->cached = fut_promise_new();
    fut_future *f = fut_promise_future(req->cached);
    fut_post(g_cache, fill_cached, req);
    req->value = fut_get(f); // expect: SOVA004
}

static void lookup_remote(void *arg)
{
    struct request *req = arg;
    req->fetched = fut_promise_new();
    fut_future *f = fut_promise_future(req->fetched);
    fut_post(g_io, fetch_remote, req);
    req->value = fut_get(f); // expect: SOVA001
}

static void lookup_warm(void *arg)
{
    struct request *req = arg;
    fut_future *f = fut_promise_future(req->warmed);
    fut_post(g_cache, warm, req);
    req->value = fut_get(f); // expect: SOVA001
}

int main(void)
{
    static struct request req = { "user:1", NULL, NULL, NULL, NULL, NULL };
    g_cache = fut_serial_new();
    g_io = fut_pool_new(4);
    req.warmed = fut_promise_new();
    fut_post(g_cache, lookup, &req);
    fut_post(g_cache, lookup_remote, &req);
    fut_post(g_cache, lookup_warm, &req);
    req.loaded = fut_promise_new();
    fut_post(g_cache, load, &req);
    fut_post(g_cache, lookup_loaded, &req);
    fut_promise_set(req.warmed, NULL);
    return 0;
}
