/* A logger runs on its own pthread: it waits on a condition variable, sleeps, and writes to a file; a
 * second thread, started through a function-pointer variable, sigwaits then sleeps. Why: pthread_create
 * starts a dedicated thread, not an async context, so blocking there is not sync-over-async: no result. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct log_queue {
    pthread_mutex_t lock;
    pthread_cond_t nonempty;
    char line[256];
    int has_line;
    int stop;
};

static void *log_thread(void *arg)
{
    struct log_queue *q = arg;
    FILE *out = fopen("app.log", "a");
    pthread_mutex_lock(&q->lock);
    while (!q->stop) {
        while (!q->has_line && !q->stop)
            pthread_cond_wait(&q->nonempty, &q->lock);
        if (q->has_line && out != NULL)
            fwrite(q->line, 1, strlen(q->line), out);
        q->has_line = 0;
        pthread_mutex_unlock(&q->lock);
        usleep(1000);
        pthread_mutex_lock(&q->lock);
    }
    pthread_mutex_unlock(&q->lock);
    if (out != NULL)
        fclose(out);
    return NULL;
}

static void *signal_thread(void *arg)
{
    sigset_t *set = arg;
    int sig;
    sigwait(set, &sig);
    sleep(1);
    return NULL;
}

int main(void)
{
    static struct log_queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, "", 0, 0 };
    static sigset_t set;
    void *(*start)(void *) = signal_thread;
    pthread_t logger, sig;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_create(&logger, NULL, log_thread, &q);
    pthread_create(&sig, NULL, start, &set);
    pthread_join(sig, NULL);
    pthread_mutex_lock(&q.lock);
    q.stop = 1;
    pthread_cond_signal(&q.nonempty);
    pthread_mutex_unlock(&q.lock);
    pthread_join(logger, NULL);
    return 0;
}
