/* qemu/thread.h - QEMU thread primitives (subset) for sova's test cases.
 * Blocking here blocks the whole thread, and with it every coroutine and
 * callback of its event loop. Upstream, qemu_cond_wait() is a macro calling
 * through the qemu_cond_wait_func pointer (QSP profiler) or
 * qemu_cond_wait_impl(). */
#ifndef QEMU_THREAD_H
#define QEMU_THREAD_H

typedef struct QemuMutex {
    int initialized;        /* wraps pthread_mutex_t upstream */
} QemuMutex;

typedef struct QemuCond {
    int initialized;        /* wraps pthread_cond_t upstream */
} QemuCond;

struct QemuSemaphore {
    unsigned int count;
};

struct QemuEvent {
    unsigned value;
};

struct QemuThread {
    unsigned long thread;   /* pthread_t upstream */
};

#define QEMU_THREAD_JOINABLE 0
#define QEMU_THREAD_DETACHED 1

void qemu_cond_init(QemuCond *cond);
void qemu_cond_signal(QemuCond *cond);
void qemu_cond_broadcast(QemuCond *cond);
void qemu_cond_wait_impl(QemuCond *cond, QemuMutex *mutex,
                         const char *file, const int line);
bool qemu_cond_timedwait_impl(QemuCond *cond, QemuMutex *mutex, int ms,
                              const char *file, const int line);
/* Upstream (outside Coverity) these call through the qemu_cond_wait_func /
 * qemu_cond_timedwait_func pointers, which point to the _impl functions. */
#define qemu_cond_wait(c, m)                                            \
            qemu_cond_wait_impl(c, m, __FILE__, __LINE__)
#define qemu_cond_timedwait(c, m, ms)                                   \
            qemu_cond_timedwait_impl(c, m, ms, __FILE__, __LINE__)

void qemu_sem_init(QemuSemaphore *sem, int init);
void qemu_sem_post(QemuSemaphore *sem);
int qemu_sem_timedwait(QemuSemaphore *sem, int ms);
void qemu_sem_wait(QemuSemaphore *sem);
void qemu_sem_destroy(QemuSemaphore *sem);

void qemu_event_init(QemuEvent *ev, bool init);
void qemu_event_set(QemuEvent *ev);
void qemu_event_reset(QemuEvent *ev);
void qemu_event_wait(QemuEvent *ev);

void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *),
                        void *arg, int mode);
void *qemu_thread_join(QemuThread *thread);

#endif /* QEMU_THREAD_H */
