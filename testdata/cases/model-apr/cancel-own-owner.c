/* A connection server pushes each connection's tasks with the connection as owner; a task that hits a
 * protocol error cancels the tasks of its own connection, another cancels a peer connection's tasks.
 * Why: apr_thread_pool_tasks_cancel waits for the running tasks of that owner: the caller's own owner means
 * waiting for itself (SOVA004; APR: "The task function should not be calling cancel"); another owner blocks a
 * pool thread on other tasks (SOVA001). */
#include <apr_thread_pool.h>
#include <apr_network_io.h>

struct conn {
    apr_socket_t *sock;
    struct conn *peer;
    int errors;
};

static apr_thread_pool_t *workers;

static void *APR_THREAD_FUNC handle_request(apr_thread_t *thd, void *data)
{
    struct conn *c = data;
    char buf[512];
    apr_size_t len = sizeof buf;
    (void)thd;
    if (apr_socket_recv(c->sock, buf, &len) != APR_SUCCESS || ++c->errors > 3) {
        apr_thread_pool_tasks_cancel(workers, c); // expect: SOVA004
        apr_socket_close(c->sock);
        return NULL;
    }
    apr_socket_send(c->sock, buf, &len);
    return NULL;
}

static void *APR_THREAD_FUNC handle_proxy(apr_thread_t *thd, void *data)
{
    struct conn *c = data;
    (void)thd;
    if (c->peer && c->peer->errors > 3)
        apr_thread_pool_tasks_cancel(workers, c->peer); // expect: SOVA001
    return NULL;
}

void conn_accepted(struct conn *c)
{
    apr_thread_pool_push(workers, handle_request, c, APR_THREAD_TASK_PRIORITY_NORMAL, c);
    apr_thread_pool_top(workers, handle_proxy, c, APR_THREAD_TASK_PRIORITY_HIGH, c);
}

int main(void)
{
    apr_pool_t *pool;
    apr_initialize();
    apr_pool_create(&pool, NULL);
    if (apr_thread_pool_create(&workers, 4, 32, pool) != APR_SUCCESS)
        return 1;
    static struct conn c;
    conn_accepted(&c);
    apr_thread_pool_tasks_cancel(workers, &c);
    apr_thread_pool_destroy(workers);
    apr_terminate();
    return 0;
}
