/* kv_get()/kv_sync() are exported blocking wrappers over kv_get_async(), which returns a promise-backed future.
 * Why: sync-over-async wrappers in an API invite callers on executor threads to starve or deadlock (SOVA003). */
#include <stddef.h>
#include "fut.h"

struct kv {
    int fd;
};

/* transport library, not analysed: completes the promise when the reply arrives */
void net_send_request(int fd, const char *key, fut_promise *reply);

fut_future *kv_get_async(struct kv *kv, const char *key)
{
    fut_promise *p = fut_promise_new();
    net_send_request(kv->fd, key, p);
    return fut_promise_future(p);
}

void *kv_get(struct kv *kv, const char *key)
{
    return fut_get(kv_get_async(kv, key)); // expect: SOVA003
}

void kv_sync(struct kv *kv)
{
    fut_future *f = kv_get_async(kv, "__barrier__");
    fut_wait(f); // expect: SOVA003
    fut_free(f);
}
