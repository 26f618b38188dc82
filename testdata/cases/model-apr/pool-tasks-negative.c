/* A producer/consumer over apr_queue with pool tasks that block on the queue, a condition and sleeps;
 * the owner cancels and destroys from main and from a dedicated apr_thread_create thread.
 * Why: generic blocking in pool tasks is not reported; cancel/destroy outside pool tasks are no async waits. */
#include <apr_thread_pool.h>
#include <apr_thread_cond.h>
#include <apr_thread_mutex.h>
#include <apr_queue.h>
#include <apr_time.h>

struct pipeline {
    apr_pool_t *mem;
    apr_thread_pool_t *pool;
    apr_queue_t *jobs;
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *idle;
    int busy;
};

static void *APR_THREAD_FUNC consume(apr_thread_t *thd, void *data)
{
    struct pipeline *p = data;
    void *job;
    (void)thd;
    while (apr_queue_pop(p->jobs, &job) == APR_SUCCESS) {
        apr_thread_mutex_lock(p->lock);
        p->busy++;
        apr_thread_mutex_unlock(p->lock);
        apr_sleep(1000);
        apr_thread_mutex_lock(p->lock);
        if (--p->busy == 0)
            apr_thread_cond_signal(p->idle);
        apr_thread_mutex_unlock(p->lock);
    }
    return NULL;
}

static void *APR_THREAD_FUNC produce(apr_thread_t *thd, void *data)
{
    struct pipeline *p = data;
    (void)thd;
    for (long i = 1; i <= 100; i++)
        apr_queue_push(p->jobs, (void *)i);
    apr_thread_mutex_lock(p->lock);
    while (p->busy)
        apr_thread_cond_timedwait(p->idle, p->lock, apr_time_from_sec(1));
    apr_thread_mutex_unlock(p->lock);
    return NULL;
}

static void *APR_THREAD_FUNC reaper(apr_thread_t *thd, void *data)
{
    struct pipeline *p = data;
    apr_sleep(apr_time_from_sec(10));
    apr_queue_term(p->jobs);
    apr_thread_pool_tasks_cancel(p->pool, p);
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}

int main(void)
{
    static struct pipeline p;
    apr_thread_t *reaper_thd;
    apr_status_t rv;
    apr_initialize();
    apr_pool_create(&p.mem, NULL);
    apr_thread_pool_create(&p.pool, 4, 8, p.mem);
    apr_queue_create(&p.jobs, 64, p.mem);
    apr_thread_mutex_create(&p.lock, APR_THREAD_MUTEX_DEFAULT, p.mem);
    apr_thread_cond_create(&p.idle, p.mem);
    for (int i = 0; i < 4; i++)
        apr_thread_pool_push(p.pool, consume, &p, APR_THREAD_TASK_PRIORITY_NORMAL, &p);
    apr_thread_pool_push(p.pool, produce, &p, APR_THREAD_TASK_PRIORITY_HIGH, NULL);
    apr_thread_create(&reaper_thd, NULL, reaper, &p, p.mem);
    apr_thread_join(&rv, reaper_thd);
    apr_thread_pool_tasks_cancel(p.pool, &p);
    apr_thread_pool_destroy(p.pool);
    apr_terminate();
    return 0;
}
