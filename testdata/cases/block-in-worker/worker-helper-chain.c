/* A request task reaches a wait four calls deep:
 * handle_request -> render_page -> load_profile -> read_row -> fut_wait.
 * Why: helpers hide the wait but it still parks a pool thread (SOVA001 at the innermost wait). */
#include <stddef.h>
#include "fut.h"

struct row {
    fut_future *io;
    char data[64];
};

struct request {
    int user_id;
    struct row *rows;
};

static struct row *read_row(struct row *rows, int id)
{
    struct row *r = &rows[id % 16];
    fut_wait(r->io); // expect: SOVA001
    return r;
}

static const char *load_profile(struct request *req)
{
    struct row *r = read_row(req->rows, req->user_id);
    return r->data;
}

static int render_page(struct request *req)
{
    const char *profile = load_profile(req);
    return profile[0] != '\0';
}

static void *handle_request(void *arg)
{
    struct request *req = arg;
    render_page(req);
    return NULL;
}

int main(void)
{
    static struct row rows[16];
    struct request req = { 7, rows };
    fut_executor *pool = fut_pool_new(8);
    fut_future *f = fut_submit(pool, handle_request, &req);
    fut_free(f);
    fut_executor_free(pool);
    return 0;
}
