/* Blocks given to dispatch_group_notify(), dispatch_after() and dispatch_apply() run on queues too, and a block
 * waits on a dispatch_block_create() block. Why: each waits on async work from a queue thread (SOVA001).
 * The same waits with DISPATCH_TIME_NOW only poll and are not reported. */
#include <dispatch/dispatch.h>
#include <stdio.h>

static dispatch_queue_t g_work;

static void index_documents(dispatch_group_t indexing, dispatch_semaphore_t db_ready)
{
    dispatch_group_notify(indexing, g_work, ^{
        dispatch_semaphore_wait(db_ready, DISPATCH_TIME_FOREVER); // expect: SOVA001
        puts("index committed");
    });
}

static void schedule_retry(dispatch_semaphore_t link_up)
{
    dispatch_after(dispatch_time(DISPATCH_TIME_NOW, 5 * NSEC_PER_SEC), g_work, ^{
        if (dispatch_semaphore_wait(link_up, DISPATCH_TIME_NOW) != 0) {
            puts("link still down");
            return;
        }
        puts("retrying");
    });
}

static void resize_all(dispatch_group_t decoded, size_t n)
{
    dispatch_apply(n, g_work, ^(size_t i) {
        dispatch_group_wait(decoded, DISPATCH_TIME_FOREVER); // expect: SOVA001
        printf("resize %zu\n", i);
    });
}

static void save_then_log(dispatch_queue_t io)
{
    dispatch_async(g_work, ^{
        dispatch_block_t save = dispatch_block_create(0, ^{
            puts("saved");
        });
        dispatch_async(io, save);
        dispatch_block_wait(save, DISPATCH_TIME_FOREVER); // expect: SOVA001
        puts("logged after save");
    });
}

int main(void)
{
    g_work = dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0);
    dispatch_group_t indexing = dispatch_group_create();
    index_documents(indexing, dispatch_semaphore_create(0));
    schedule_retry(dispatch_semaphore_create(0));
    resize_all(dispatch_group_create(), 16);
    save_then_log(dispatch_queue_create("org.example.io", DISPATCH_QUEUE_SERIAL));
    dispatch_main();
}
