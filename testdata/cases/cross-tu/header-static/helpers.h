/* Static helpers defined in a header: each TU that includes it has its own
 * copy, extracted only once the TU names it (or it runs unnamed). */
#ifndef HELPERS_H
#define HELPERS_H

#include <stddef.h>
#include "fut.h"

static fut_executor *helpers_pool;

/* Reached only through wait_inner: a static helper named only by another. */
static inline void *wait_inner(fut_future *f)
{
    return fut_get(f); // expect: SOVA001
}

static inline void *wait_outer(fut_future *f)
{
    return wait_inner(f);
}

/* Named only in a table of callbacks. */
static void *table_task(void *arg)
{
    fut_wait(arg); // expect: SOVA001
    return NULL;
}

static void *(*const helper_tasks[])(void *) = { table_task };

/* Named only by a constructor, which runs unnamed before main. */
static void *startup_task(void *arg)
{
    fut_wait(arg); // expect: SOVA001
    return NULL;
}

__attribute__((constructor)) static void helpers_start(void)
{
    helpers_pool = fut_pool_new(2);
    fut_free(fut_submit(helpers_pool, startup_task, fut_promise_future(fut_promise_new())));
}

/* Never named, but annotated as a worker: something sova does not see runs it. */
__attribute__((annotate("sova:worker"))) static void *hidden_worker(void *arg)
{
    fut_wait(arg); // expect: SOVA001
    return NULL;
}

/* A task defined by a macro: in the file that uses the macro. */
#define DEFINE_LOADER(name)                       \
    static void *name##_loader(void *arg)         \
    {                                             \
        return fut_get(arg);                      \
    }

/* Never named: whatever it does, nothing runs it. */
static inline void *never_called(fut_future *f)
{
    return fut_get(f);
}

#endif
