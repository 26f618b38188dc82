/* Retry loops on a fut pool: the task sleeps between attempts, waits on a semaphore and a condition
 * variable, joins a helper thread and reads a file. Why: generic blocking is what pool threads absorb;
 * only future-like waits are reported there (SOVA001), so this case has no result. */
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

struct fetch {
    const char *path;
    char buf[256];
    ssize_t n;
};

static sem_t slots;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int warmed;

static void *warm_cache(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    warmed = 1;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void *fetch_task(void *arg)
{
    struct fetch *f = arg;
    pthread_t warmer;
    sem_wait(&slots);
    pthread_create(&warmer, NULL, warm_cache, NULL);
    pthread_mutex_lock(&lock);
    while (!warmed)
        pthread_cond_wait(&ready, &lock);
    pthread_mutex_unlock(&lock);
    pthread_join(warmer, NULL);
    for (int attempt = 0; attempt < 3; attempt++) {
        int fd = open(f->path, O_RDONLY);
        if (fd >= 0) {
            f->n = read(fd, f->buf, sizeof f->buf);
            close(fd);
            break;
        }
        usleep(1000u << attempt);
        sleep(1);
    }
    sem_post(&slots);
    return f;
}

int main(void)
{
    static struct fetch f = { "/etc/hostname", { 0 }, 0 };
    fut_executor *pool = fut_pool_new(4);
    sem_init(&slots, 0, 2);
    fut_future *done = fut_submit(pool, fetch_task, &f);
    fut_free(done);
    fut_executor_free(pool);
    return 0;
}
