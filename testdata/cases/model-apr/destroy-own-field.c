/* A task pushed with apr_thread_pool_top on app->pool, created into that field through
 * apr_thread_pool_create's out-parameter, destroys app->pool.
 * Why: the executor identity comes from the out-parameter (&app->pool): the task waits for its own pool to
 * drain, including itself (SOVA004). */
#include <apr_thread_pool.h>

struct app {
    apr_pool_t *mem;
    apr_thread_pool_t *pool;
    int fatal;
};

static void *APR_THREAD_FUNC on_fatal_error(apr_thread_t *thd, void *data)
{
    struct app *app = data;
    (void)thd;
    app->fatal = 1;
    apr_thread_pool_destroy(app->pool); // expect: SOVA004
    return NULL;
}

int main(void)
{
    static struct app app;
    apr_initialize();
    apr_pool_create(&app.mem, NULL);
    if (apr_thread_pool_create(&app.pool, 2, 16, app.mem) != APR_SUCCESS)
        return 1;
    apr_thread_pool_top(app.pool, on_fatal_error, &app, APR_THREAD_TASK_PRIORITY_HIGHEST, &app);
    apr_pool_destroy(app.mem);
    apr_terminate();
    return 0;
}
