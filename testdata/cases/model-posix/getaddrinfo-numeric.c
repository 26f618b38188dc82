/* nng's shape: an address is parsed with getaddrinfo and AI_NUMERICHOST (with |= adding
 * AI_ADDRCONFIG), which only converts a literal and never asks a resolver.
 * Why: with that flag getaddrinfo cannot block on the network: no result. */
#include <netdb.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include "fut.h"

static int parse_ip(const char *host, struct sockaddr_storage *out)
{
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof(hints));
    hints.ai_flags = AI_NUMERICSERV | AI_NUMERICHOST | AI_PASSIVE;
    hints.ai_flags |= AI_ADDRCONFIG;
    if (getaddrinfo(host, "0", &hints, &res) != 0)
        return -1;
    memcpy(out, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

static void *on_request(void *arg)
{
    static struct sockaddr_storage addr;
    parse_ip(arg, &addr);
    return NULL;
}

int main(void)
{
    fut_free(fut_submit(fut_serial_new(), on_request, "127.0.0.1"));
    return 0;
}
