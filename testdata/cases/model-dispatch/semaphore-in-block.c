/* A block on a global queue turns an asynchronous fetch into a synchronous one with a semaphore.
 * Why: the queue thread sleeps until another queue signals (SOVA001). The same idiom in main() blocks no queue,
 * and a DISPATCH_TIME_NOW wait is a poll: neither is reported. */
#include <dispatch/dispatch.h>
#include <stdio.h>

static dispatch_queue_t g_io;

static void fetch_async(const char *url, void (^done)(int status))
{
    dispatch_async(g_io, ^{
        printf("GET %s\n", url);
        done(200);
    });
}

static void refresh_feed(const char *url)
{
    dispatch_async(dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0), ^{
        dispatch_semaphore_t sem = dispatch_semaphore_create(0);
        __block int status = 0;
        fetch_async(url, ^(int st) {
            status = st;
            dispatch_semaphore_signal(sem);
        });
        dispatch_semaphore_wait(sem, DISPATCH_TIME_FOREVER); // expect: SOVA001
        printf("feed %s: %d\n", url, status);
        dispatch_release(sem);
    });
}

static void drain_budget(dispatch_semaphore_t budget)
{
    dispatch_async(dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_LOW, 0), ^{
        while (dispatch_semaphore_wait(budget, DISPATCH_TIME_NOW) == 0)
            puts("took a token");
    });
}

int main(void)
{
    g_io = dispatch_queue_create("org.example.io", DISPATCH_QUEUE_CONCURRENT);
    refresh_feed("https://example.org/feed");
    drain_budget(dispatch_semaphore_create(4));

    dispatch_semaphore_t ready = dispatch_semaphore_create(0);
    __block int st = 0;
    fetch_async("https://example.org/config", ^(int s) {
        st = s;
        dispatch_semaphore_signal(ready);
    });
    dispatch_semaphore_wait(ready, DISPATCH_TIME_FOREVER);
    printf("config: %d\n", st);
    dispatch_main();
}
