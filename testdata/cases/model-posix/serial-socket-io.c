/* A connection actor on a serial executor talks to its peer with plain blocking socket calls, directly and
 * through a send_frame helper reached by a function pointer. Why: connect/send/recv/accept and read/write
 * on a blocking socket hold the serial executor's only thread for a network round trip (SOVA005). */
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>
#include "fut.h"

struct peer {
    int fd;
    int listen_fd;
    struct sockaddr_in addr;
    ssize_t (*send_frame)(struct peer *p, const char *buf, size_t len);
    char in[512];
};

static ssize_t send_frame_tcp(struct peer *p, const char *buf, size_t len)
{
    return send(p->fd, buf, len, 0); // expect: SOVA005
}

static ssize_t send_frame_udp(struct peer *p, const char *buf, size_t len)
{
    return sendto(p->fd, buf, len, 0, (struct sockaddr *)&p->addr, sizeof p->addr); // expect: SOVA005
}

static void peer_task(void *arg)
{
    struct peer *p = arg;
    struct sockaddr_in from;
    socklen_t from_len = sizeof from;
    if (connect(p->fd, (struct sockaddr *)&p->addr, sizeof p->addr) != 0) // expect: SOVA005
        return;
    p->send_frame(p, "HELLO\n", 6);
    recv(p->fd, p->in, sizeof p->in, 0); // expect: SOVA005
    recvfrom(p->fd, p->in, sizeof p->in, 0, (struct sockaddr *)&from, &from_len); // expect: SOVA005
    int c = accept(p->listen_fd, NULL, NULL); // expect: SOVA005
    if (c >= 0) {
        ssize_t n = read(c, p->in, sizeof p->in); // expect: SOVA005
        if (n > 0)
            write(c, p->in, (size_t)n); // expect: SOVA005
        close(c);
    }
}

int main(int argc, char **argv)
{
    static struct peer p;
    fut_executor *actor = fut_serial_new();
    (void)argv;
    p.fd = socket(AF_INET, argc > 1 ? SOCK_DGRAM : SOCK_STREAM, 0);
    p.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    p.addr.sin_family = AF_INET;
    p.addr.sin_port = htons(9000);
    p.send_frame = argc > 1 ? send_frame_udp : send_frame_tcp;
    fut_post(actor, peer_task, &p);
    fut_executor_free(actor);
    return 0;
}
