/* A download is chained with fut_then() and the chained future is awaited right away.
 * Why: the future's provenance is a continuation submit with nothing else started, so it is wrap-then-block (SOVA002). */
#include <stddef.h>
#include "fut.h"

static void *download(void *arg)
{
    return arg;
}

static void *parse(void *value, void *arg)
{
    (void)arg;
    return value;
}

int main(void)
{
    fut_executor *pool = fut_pool_new(4);
    fut_future *raw = fut_submit(pool, download, "https://example.org/feed.xml");
    fut_future *doc = fut_then(raw, pool, parse, NULL);
    void *feed = fut_get(doc); // expect: SOVA002
    fut_free(doc);
    fut_free(raw);
    return feed == NULL;
}
