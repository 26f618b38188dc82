/* nng's shape: a mutex is created in a loop that sleeps until pthread_mutex_init stops
 * failing, which it does only when memory ran out. Why: that sleep runs only on an
 * exhausted machine, not on a serial task's normal path: no result. */
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

struct lock {
    pthread_mutex_t mtx;
};

static void lock_init(struct lock *l)
{
    while (pthread_mutex_init(&l->mtx, NULL) != 0 && pthread_mutex_init(&l->mtx, NULL) != 0)
        usleep(10000);
}

static void *open_conn(void *arg)
{
    lock_init(arg);
    return NULL;
}

int main(void)
{
    static struct lock l;
    fut_free(fut_submit(fut_serial_new(), open_conn, &l));
    return 0;
}
