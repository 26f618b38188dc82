/* An aio callback that sleeps (nng_msleep), waits on an nng_cv (nng_cv_wait, nng_cv_until) and joins a
 * thread (nng_thread_destroy); the same calls in an nng_thread_create thread.
 * Why: generic blocking in an aio callback stalls NNG's callback threads (SOVA005); a dedicated thread may
 * block (not reported). */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/supplemental/util/platform.h>

struct producer {
    nng_socket sock;
    nng_aio *aio;
    nng_mtx *mtx;
    nng_cv *cv;
    int credits;
    nng_thread *refill;
};

static void wait_for_credit(struct producer *p)
{
    nng_mtx_lock(p->mtx);
    while (p->credits == 0)
        nng_cv_wait(p->cv); // expect: SOVA005
    p->credits--;
    nng_mtx_unlock(p->mtx);
}

static void sent(void *arg)
{
    struct producer *p = arg;
    if (nng_aio_result(p->aio) != 0) {
        nng_msg_free(nng_aio_get_msg(p->aio));
        nng_msleep(100); // expect: SOVA005
    }
    nng_mtx_lock(p->mtx);
    if (p->credits == 0)
        nng_cv_until(p->cv, nng_clock() + 50); // expect: SOVA005
    nng_mtx_unlock(p->mtx);
    if (p->refill && p->credits > 100) {
        nng_thread_destroy(p->refill); // expect: SOVA005
        p->refill = NULL;
    }
    wait_for_credit(p);
    nng_msg *m;
    nng_msg_alloc(&m, 0);
    nng_aio_set_msg(p->aio, m);
    nng_send_aio(p->sock, p->aio);
}

static void refill_thread(void *arg)
{
    struct producer *p = arg;
    for (int i = 0; i < 1000; i++) {
        nng_msleep(10);
        nng_mtx_lock(p->mtx);
        p->credits++;
        nng_cv_wake(p->cv);
        nng_mtx_unlock(p->mtx);
    }
}

int main(void)
{
    static struct producer p;
    nng_thread *watchdog;
    if (nng_push0_open(&p.sock) != 0)
        return 1;
    nng_mtx_alloc(&p.mtx);
    nng_cv_alloc(&p.cv, p.mtx);
    nng_thread_create(&p.refill, refill_thread, &p);
    nng_thread_create(&watchdog, refill_thread, &p);
    nng_aio_alloc(&p.aio, sent, &p);
    nng_dial(p.sock, "tcp://sink:9000", NULL, 0);
    sent(&p);
    nng_thread_destroy(watchdog);
    return 0;
}
