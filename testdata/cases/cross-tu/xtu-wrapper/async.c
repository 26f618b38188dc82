/* Cross-TU wrapper: the async API lives in this TU and returns a promise-backed future.
 * Why: sync.c exports a blocking wrapper over it (SOVA003, reported in sync.c). */
#include <stddef.h>
#include "http.h"

/* socket layer, not analysed */
void sock_request(const char *url, fut_promise *done);

fut_future *http_get_async(const char *url)
{
    fut_promise *p = fut_promise_new();
    sock_request(url, p);
    return fut_promise_future(p);
}
