/* Cross-TU ops table: the pool task calls through the global table. */
#include <stddef.h>
#include "storage.h"

void *sync_task(void *arg)
{
    int *fd = arg;
    disk_ops.flush(*fd);
    return NULL;
}
