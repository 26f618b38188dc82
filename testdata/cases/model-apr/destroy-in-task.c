/* A scheduled maintenance task destroys the pool it runs on; a task on the CPU pool destroys the I/O pool.
 * Why: apr_thread_pool_destroy spins until every thread of the pool has exited, the calling one included:
 * on its own pool it never returns (SOVA004); on another pool it blocks a pool thread until that pool's
 * tasks finish (SOVA001). */
#include <apr_thread_pool.h>
#include <apr_time.h>

struct server {
    apr_thread_pool_t *cpu_pool;
    apr_thread_pool_t *io_pool;
    volatile int shutting_down;
};

static apr_thread_pool_t *maint_pool;

static void *APR_THREAD_FUNC expire_sessions(apr_thread_t *thd, void *data)
{
    struct server *srv = data;
    (void)thd;
    if (srv->shutting_down) {
        apr_thread_pool_destroy(maint_pool); // expect: SOVA004
        return NULL;
    }
    apr_thread_pool_schedule(maint_pool, expire_sessions, srv, apr_time_from_sec(60), NULL);
    return NULL;
}

static void *APR_THREAD_FUNC finish_shutdown(apr_thread_t *thd, void *data)
{
    struct server *srv = data;
    (void)thd;
    srv->shutting_down = 1;
    apr_thread_pool_destroy(srv->io_pool); // expect: SOVA001
    return NULL;
}

int main(void)
{
    apr_pool_t *pool;
    static struct server srv;
    apr_initialize();
    apr_pool_create(&pool, NULL);
    apr_thread_pool_create(&srv.cpu_pool, 2, 8, pool);
    apr_thread_pool_create(&srv.io_pool, 4, 64, pool);
    apr_thread_pool_create(&maint_pool, 1, 1, pool);
    apr_thread_pool_schedule(maint_pool, expire_sessions, &srv, apr_time_from_sec(60), NULL);
    apr_thread_pool_push(srv.cpu_pool, finish_shutdown, &srv, APR_THREAD_TASK_PRIORITY_LOWEST, NULL);
    apr_sleep(apr_time_from_sec(3600));
    apr_thread_pool_destroy(srv.cpu_pool);
    apr_terminate();
    return 0;
}
