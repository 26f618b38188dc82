/* The look-alikes of thread-start-handshake.c that do wait for work, from a loop
 * callback. Why each is reported: the fetcher signals only after a blocking lookup, so
 * the wait lasts that lookup; the prober signals first, but the caller waits in a loop
 * until a flag the prober sets after its work; the loader is started only on one
 * branch, so on the other the wait is for whatever signals next; and the warmer
 * signals only on one of its paths (SOVA005 each). */
#include <netdb.h>
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>
#include <uv.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fetched = PTHREAD_COND_INITIALIZER;
static pthread_cond_t probed = PTHREAD_COND_INITIALIZER;
static pthread_cond_t loaded = PTHREAD_COND_INITIALIZER;
static pthread_cond_t warmed = PTHREAD_COND_INITIALIZER;
static int probe_done;
static int cold;

static void *fetcher(void *arg)
{
    struct addrinfo *res = NULL;
    getaddrinfo("upstream.example", "80", NULL, &res);
    pthread_mutex_lock(&lock);
    pthread_cond_signal(&fetched);
    pthread_mutex_unlock(&lock);
    return arg;
}

static void *prober(void *arg)
{
    pthread_mutex_lock(&lock);
    pthread_cond_signal(&probed);
    pthread_mutex_unlock(&lock);
    sleep(1);
    pthread_mutex_lock(&lock);
    probe_done = 1;
    pthread_cond_broadcast(&probed);
    pthread_mutex_unlock(&lock);
    return arg;
}

static void *loader(void *arg)
{
    pthread_mutex_lock(&lock);
    pthread_cond_signal(&loaded);
    pthread_mutex_unlock(&lock);
    return arg;
}

static void *warmer(void *arg)
{
    pthread_mutex_lock(&lock);
    if (cold)
        pthread_cond_signal(&warmed);
    pthread_mutex_unlock(&lock);
    return arg;
}

static void on_tick(uv_timer_t *t)
{
    pthread_t tid;
    pthread_mutex_lock(&lock);
    pthread_create(&tid, NULL, fetcher, NULL);
    pthread_cond_wait(&fetched, &lock); // expect: SOVA005
    pthread_create(&tid, NULL, prober, NULL);
    while (!probe_done)
        pthread_cond_wait(&probed, &lock); // expect: SOVA005
    if (t->data)
        pthread_create(&tid, NULL, loader, NULL);
    pthread_cond_wait(&loaded, &lock); // expect: SOVA005
    pthread_create(&tid, NULL, warmer, NULL);
    pthread_cond_wait(&warmed, &lock); // expect: SOVA005
    pthread_mutex_unlock(&lock);
}

int main(void)
{
    uv_timer_t tick;
    uv_timer_init(uv_default_loop(), &tick);
    uv_timer_start(&tick, on_tick, 10, 0);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
