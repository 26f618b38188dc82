/* An HTTP route table built with positional initializers { "/path", handler }, dispatched from a pool task.
 * Why: the dispatch reaches get_user, whose wait on the DB future starves the pool (SOVA001). */
#include <stddef.h>
#include <string.h>
#include "fut.h"

struct req {
    const char *path;
    fut_future *db;
};

struct route {
    const char *path;
    void *(*handler)(struct req *r);
};

static void *get_user(struct req *r)
{
    return fut_get(r->db); // expect: SOVA001
}

static void *get_health(struct req *r)
{
    (void)r;
    return "ok";
}

static const struct route routes[] = {
    { "/user", get_user },
    { "/health", get_health },
};

static void *dispatch(void *arg)
{
    struct req *r = arg;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(routes[i].path, r->path) == 0)
            return routes[i].handler(r);
    return NULL;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(8);
    fut_promise *row = fut_promise_new();
    static struct req r = { "/user", NULL };
    r.db = fut_promise_future(row);
    fut_future *f = fut_submit(pool, dispatch, &r);
    fut_free(f);
    return 0;
}
