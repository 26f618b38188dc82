/* rpc_call_sync() blocks on fut_promise_future(call->reply) right after sending the request.
 * Why: an exported function that turns an async reply into a blocking call (SOVA003). */
#include <stddef.h>
#include "fut.h"

struct rpc_call {
    int id;
    const char *method;
    fut_promise *reply;
};

/* transport library, not analysed */
void rpc_transport_send(struct rpc_call *call);

void *rpc_call_sync(struct rpc_call *call)
{
    rpc_transport_send(call);
    return fut_get(fut_promise_future(call->reply)); // expect: SOVA003
}

int rpc_ping(struct rpc_call *call, long timeout_ms)
{
    rpc_transport_send(call);
    fut_future *f = fut_promise_future(call->reply);
    return fut_wait_for(f, timeout_ms); // expect: SOVA003
}
