/* A fut_then continuation waits for a second resource inside the callback.
 * Why: continuations run on the executor like tasks, so blocking there starves it (SOVA001);
 * a continuation that only transforms its value is fine. */
#include <stddef.h>
#include "fut.h"

struct page {
    const char *url;
    fut_future *stylesheet;
};

static void *fetch(void *arg)
{
    return arg;
}

static void *on_html(void *value, void *arg)
{
    struct page *pg = arg;
    void *css = fut_get(pg->stylesheet); // expect: SOVA001
    return css ? value : NULL;
}

static void *count_bytes(void *value, void *arg)
{
    (void)arg;
    return value;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_promise *css = fut_promise_new();
    struct page pg = { "https://example.org/", NULL };
    pg.stylesheet = fut_promise_future(css);
    fut_future *html = fut_submit(pool, fetch, (void *)pg.url);
    fut_future *rendered = fut_then(html, pool, on_html, &pg);
    fut_future *size = fut_then(rendered, pool, count_bytes, NULL);
    fut_free(size);
    return 0;
}
