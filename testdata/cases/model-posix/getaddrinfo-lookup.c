/* The true shape beside getaddrinfo-numeric.c: the hints allow a name, so getaddrinfo may
 * ask a DNS server while the serial task waits (SOVA005); and with no hints at all too. */
#include <netdb.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include "fut.h"

static int resolve(const char *host, struct addrinfo **res)
{
    struct addrinfo hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
    return getaddrinfo(host, "80", &hints, res); // expect: SOVA005
}

static void *on_request(void *arg)
{
    struct addrinfo *res;
    if (resolve(arg, &res) == 0)
        freeaddrinfo(res);
    if (getaddrinfo(arg, "80", NULL, &res) == 0) // expect: SOVA005
        freeaddrinfo(res);
    return NULL;
}

int main(void)
{
    fut_free(fut_submit(fut_serial_new(), on_request, "example.org"));
    return 0;
}
