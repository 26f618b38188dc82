/* An exported sync wrapper (geo_lookup) that is only ever called from pool tasks.
 * Why: it runs in a worker context, so the wait starves the pool: SOVA001 takes precedence over SOVA003. */
#include <stddef.h>
#include "fut.h"

/* resolver library, not analysed */
void geoip_query(const char *ip, fut_promise *answer);

fut_future *geo_lookup_async(const char *ip)
{
    fut_promise *p = fut_promise_new();
    geoip_query(ip, p);
    return fut_promise_future(p);
}

void *geo_lookup(const char *ip)
{
    return fut_get(geo_lookup_async(ip)); // expect: SOVA001
}

static void *tag_request(void *arg)
{
    return geo_lookup(arg);
}

int main(void)
{
    fut_executor *pool = fut_pool_new(8);
    fut_future *t = fut_submit(pool, tag_request, "192.0.2.7");
    fut_free(t);
    return 0;
}
