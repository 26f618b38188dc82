/* qemu/coroutine.h - QEMU coroutine API (subset) for sova's test cases
 * (rules/models/qemu.json). Names, types and argument orders follow
 * include/qemu/coroutine.h and include/qemu/coroutine-core.h of QEMU 8/9.
 * Include "qemu/osdep.h" first, as every QEMU source file does. */
#ifndef QEMU_COROUTINE_H
#define QEMU_COROUTINE_H

#include "qemu/timer.h"

typedef struct Coroutine Coroutine;
typedef struct CoMutex CoMutex;

/**
 * Coroutine entry point
 *
 * When the coroutine is entered for the first time, opaque is passed in as an
 * argument.
 */
typedef void coroutine_fn CoroutineEntry(void *opaque);

/**
 * Create a new coroutine
 *
 * Use qemu_coroutine_enter() to actually transfer control to the coroutine.
 * The opaque argument is passed as the argument to the entry point.
 */
Coroutine *qemu_coroutine_create(CoroutineEntry *entry, void *opaque);

/**
 * Transfer control to a coroutine
 */
void qemu_coroutine_enter(Coroutine *coroutine);

/**
 * Transfer control to a coroutine if it's not active (i.e. part of the call
 * stack of the running coroutine). Otherwise, do nothing.
 */
void qemu_coroutine_enter_if_inactive(Coroutine *co);

/**
 * Transfer control back to a coroutine's caller
 *
 * This function does not return until the coroutine is re-entered using
 * qemu_coroutine_enter().
 */
void coroutine_fn qemu_coroutine_yield(void);

/**
 * Get the currently executing coroutine
 */
Coroutine *qemu_coroutine_self(void);

/**
 * Return whether or not currently inside a coroutine
 */
bool qemu_in_coroutine(void);

/**
 * Yield the coroutine for a given duration. Initializes @w so that,
 * during this yield, it can be passed to qemu_co_sleep_wake() to
 * terminate the sleep.
 */
void coroutine_fn qemu_co_sleep_ns(QEMUClockType type, int64_t ns);

struct CoMutex {
    unsigned locked;
};

void qemu_co_mutex_init(CoMutex *mutex);
void coroutine_fn qemu_co_mutex_lock(CoMutex *mutex);
void coroutine_fn qemu_co_mutex_unlock(CoMutex *mutex);

#endif /* QEMU_COROUTINE_H */
