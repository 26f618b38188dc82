/* A serial task waits on a condition variable with a timeout. Why: a bounded wait still stalls the serial
 * executor for up to its timeout (SOVA005, reported as a note); an unbounded one is a warning. */
#include <pthread.h>
#include <stddef.h>
#include <time.h>
#include "fut.h"

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_ready = PTHREAD_COND_INITIALIZER;
static int g_done;

static void poll_state(void *arg)
{
    struct timespec deadline;
    (void)arg;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    pthread_mutex_lock(&g_lock);
    while (!g_done)
        if (pthread_cond_timedwait(&g_ready, &g_lock, &deadline) != 0) // expect: SOVA005
            break;
    while (!g_done)
        pthread_cond_wait(&g_ready, &g_lock); // expect: SOVA005
    pthread_mutex_unlock(&g_lock);
}

int main(void)
{
    fut_post(fut_serial_new(), poll_state, NULL);
    return 0;
}
