/* Cross-TU ops table: main opens through the table (not a worker) and submits the flush task. */
#include <stddef.h>
#include "storage.h"

int main(void)
{
    static int fd;
    fd = disk_ops.open("/var/lib/app/data.db");
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, sync_task, &fd);
    fut_free(f);
    return 0;
}
