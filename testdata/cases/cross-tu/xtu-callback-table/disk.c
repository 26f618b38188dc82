/* Cross-TU ops table: disk_ops is defined here with a designated initializer.
 * Why: .flush is called from a pool task in worker.c, so disk_flush's blocking call starves the pool (SOVA001);
 * .open is only called from main, so disk_open is not reported. */
#include "storage.h"

static int disk_open(const char *path)
{
    return os_open_wait(path);
}

static int disk_flush(int fd)
{
    return os_fsync(fd); // expect: SOVA001
}

const struct storage_ops disk_ops = {
    .open = disk_open,
    .flush = disk_flush,
};
