/* The journal queue is passed as the context pointer of dispatch_async_f(); the function then dispatch_sync_f()s
 * onto (dispatch_queue_t)context. Why: context_arg/context_param tie the context to the queue the function runs on,
 * a serial queue created with a NULL attribute: certain deadlock (SOVA004). */
#include <dispatch/dispatch.h>
#include <stdio.h>

static void flush_journal(void *ctx)
{
    (void)ctx;
    puts("journal flushed");
}

static void compact_index(void *ctx)
{
    dispatch_queue_t journal = ctx;
    dispatch_sync_f(journal, NULL, flush_journal); // expect: SOVA004
    puts("index compacted");
}

int main(void)
{
    dispatch_queue_t journal = dispatch_queue_create("org.example.journal", NULL);
    dispatch_async_f(journal, journal, compact_index);
    dispatch_main();
}
