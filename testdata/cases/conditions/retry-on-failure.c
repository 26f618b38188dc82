/* The true shape beside retry-on-exhaustion.c: the loop sleeps until a connection attempt
 * succeeds, which fails for ordinary reasons (a peer not up yet), so the serial task
 * sleeps on its normal path (SOVA005). */
#include <stddef.h>
#include <unistd.h>
#include "fut.h"

int try_connect(const char *host);

static void connect_retry(const char *host)
{
    while (try_connect(host) != 0)
        usleep(10000); // expect: SOVA005
}

static void *open_conn(void *arg)
{
    connect_retry(arg);
    return NULL;
}

int main(void)
{
    fut_free(fut_submit(fut_serial_new(), open_conn, "db"));
    return 0;
}
