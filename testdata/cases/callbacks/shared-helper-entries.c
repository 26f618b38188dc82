/* A blocking helper that three pool tasks reach: one result, with a code
 * flow from each entry function, the shortest first (handle_get calls it
 * directly, handle_put through a helper, though handle_put is registered
 * first). A fourth task reaches it only through a callback field that
 * holds two functions (h->run): sova does not tell which one the object
 * holds, and such a second chain is not shown. The text output counts and
 * names the other entries; check-cli pins it. */
#include "fut.h"

static fut_future *config_loaded;

static int load_config(void)
{
    fut_wait(config_loaded); // expect: SOVA001 from: handle_get, handle_put, handle_delete
    return 0;
}

static int authorize(void *request)
{
    (void)request;
    return load_config();
}

static void *handle_get(void *request)
{
    load_config();
    return request;
}

static void *handle_put(void *request)
{
    return authorize(request) ? NULL : request;
}

static void *handle_delete(void *request)
{
    authorize(request);
    return NULL;
}

struct handler {
    void (*run)(void *request);
};

static void run_load(void *request)
{
    authorize(request);
}

static void run_noop(void *request)
{
    (void)request;
}

static struct handler handlers[] = { { run_load }, { run_noop } };

static void *dispatch(void *arg)
{
    struct handler *h = arg;
    h->run(arg);
    return NULL;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    config_loaded = fut_promise_future(fut_promise_new());
    fut_free(fut_submit(pool, dispatch, &handlers[1]));
    fut_free(fut_submit(pool, handle_put, "PUT /"));
    fut_free(fut_submit(pool, handle_get, "GET /"));
    fut_free(fut_submit(pool, handle_delete, "DELETE /"));
    return 0;
}
