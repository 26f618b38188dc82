/* Cross-TU wrapper: exported sync-over-async wrapper over http_get_async() from async.c. */
#include <stddef.h>
#include "http.h"

void *http_get(const char *url)
{
    fut_future *f = http_get_async(url);
    void *body = fut_get(f); // expect: SOVA003
    fut_free(f);
    return body;
}
