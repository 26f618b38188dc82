/* A CPU-pool task waits on work it submitted to a different global executor (the IO pool).
 * Why: no self-wait, so no SOVA004; but it still blocks a worker, so SOVA001 (which also wins over SOVA002). */
#include <stddef.h>
#include "fut.h"

static fut_executor *g_cpu;
static fut_executor *g_io;

static void *read_chunk(void *arg)
{
    return arg;
}

static void *hash_file(void *arg)
{
    void *chunk = fut_get(fut_submit(g_io, read_chunk, arg)); // expect: SOVA001
    return chunk;
}

int main(void)
{
    g_cpu = fut_serial_new();
    g_io = fut_pool_new(4);
    fut_future *h = fut_submit(g_cpu, hash_file, "big.iso");
    fut_free(h);
    return 0;
}
