/* Same wrapper shape as SOVA003, but the wrapper is static and only used by main at startup.
 * Why: SOVA003 targets the exported API surface; a file-local helper is not reported. No results. */
#include <stddef.h>
#include "fut.h"

/* async file reader, not analysed */
void aio_read_file(const char *path, fut_promise *done);

static fut_future *read_file_async(const char *path)
{
    fut_promise *p = fut_promise_new();
    aio_read_file(path, p);
    return fut_promise_future(p);
}

static void *read_file_sync(const char *path)
{
    return fut_get(read_file_async(path));
}

static void wait_file(const char *path)
{
    fut_future *f = read_file_async(path);
    fut_wait(f);
}

int main(void)
{
    void *motd = read_file_sync("/etc/motd");
    wait_file("/etc/hosts");
    return motd == NULL;
}
