/* A session actor on a serial executor synchronises with other threads through POSIX primitives:
 * condition variables, semaphores, a barrier, a join and sigwait. Why: each call parks the executor's only
 * thread and every queued task behind it (SOVA005; the timed forms are bounded but still reported). */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
#include "fut.h"

struct session {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    sem_t credits;
    pthread_barrier_t phase;
    pthread_t exporter;
    sigset_t sigs;
    int version;
};

static void *export_thread(void *arg)
{
    struct session *s = arg;
    sem_post(&s->credits);
    return NULL;
}

static void session_step(void *arg)
{
    struct session *s = arg;
    struct timespec deadline;
    int sig;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    pthread_mutex_lock(&s->lock);
    while (s->version == 0)
        pthread_cond_wait(&s->changed, &s->lock); // expect: SOVA005
    pthread_cond_timedwait(&s->changed, &s->lock, &deadline); // expect: SOVA005
    pthread_mutex_unlock(&s->lock);
    sem_wait(&s->credits); // expect: SOVA005
    sem_timedwait(&s->credits, &deadline); // expect: SOVA005
    pthread_barrier_wait(&s->phase); // expect: SOVA005
    pthread_join(s->exporter, NULL); // expect: SOVA005
    sigwait(&s->sigs, &sig); // expect: SOVA005
}

int main(void)
{
    static struct session s = { .lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER };
    fut_executor *actor = fut_serial_new();
    sem_init(&s.credits, 0, 0);
    pthread_barrier_init(&s.phase, NULL, 2);
    sigemptyset(&s.sigs);
    sigaddset(&s.sigs, SIGUSR1);
    pthread_create(&s.exporter, NULL, export_thread, &s);
    fut_post(actor, session_step, &s);
    pthread_barrier_wait(&s.phase);
    fut_executor_free(actor);
    return 0;
}
