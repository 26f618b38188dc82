/* memcached's crawler start (crawler.c:785): an admin command on the loop starts a
 * background thread and waits until it runs. Why silent: the function holds the lock,
 * starts the thread on every path to the wait, and the thread's first acts are to take
 * that lock and signal the condition; the wait lasts one thread start, not any work. */
#include <pthread.h>
#include <stdio.h>
#include <uv.h>

static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t crawler_cond = PTHREAD_COND_INITIALIZER;
static pthread_t crawler_tid;
static int crawler_running;
static int crawler_work;

static void *crawler_thread(void *arg)
{
    int crawled = 0;
    pthread_mutex_lock(&crawler_lock);
    pthread_cond_signal(&crawler_cond);
    crawler_running = 1;
    while (crawler_running) {
        pthread_cond_wait(&crawler_cond, &crawler_lock);
        crawled += crawler_work;
    }
    pthread_mutex_unlock(&crawler_lock);
    return arg;
}

static int start_crawler(void)
{
    int ret;
    if (crawler_running)
        return -1;
    pthread_mutex_lock(&crawler_lock);
    if ((ret = pthread_create(&crawler_tid, NULL, crawler_thread, NULL)) != 0) {
        fprintf(stderr, "cannot start the crawler\n");
        pthread_mutex_unlock(&crawler_lock);
        return -1;
    }
    pthread_cond_wait(&crawler_cond, &crawler_lock);
    pthread_mutex_unlock(&crawler_lock);
    return 0;
}

static void on_command(uv_timer_t *t)
{
    (void)t;
    start_crawler();
}

int main(void)
{
    uv_timer_t command;
    uv_timer_init(uv_default_loop(), &command);
    uv_timer_start(&command, on_command, 10, 0);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
