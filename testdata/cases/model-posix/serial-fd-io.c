/* Descriptor I/O on a serial executor. open() and a read or write on a descriptor from open() are provably
 * blocking (regular files ignore O_NONBLOCK): they hold the serial executor's only thread for the disk (SOVA005).
 * Socket calls are not reported: sova cannot tell a blocking socket from one made non-blocking with
 * fcntl, and event-driven code does its non-blocking I/O with exactly these calls. */
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>
#include "fut.h"

struct peer {
    int fd;
    struct sockaddr_in addr;
    char in[512];
};

static void peer_task(void *arg)
{
    struct peer *p = arg;
    if (connect(p->fd, (struct sockaddr *)&p->addr, sizeof p->addr) != 0)
        return;
    send(p->fd, "HELLO\n", 6, 0);
    recv(p->fd, p->in, sizeof p->in, 0);
    ssize_t n = read(p->fd, p->in, sizeof p->in);
    if (n > 0)
        write(p->fd, p->in, (size_t)n);
}

static void reload_task(void *arg)
{
    char buf[4096];
    int fd = open((const char *)arg, O_RDONLY); // expect: SOVA005
    if (fd < 0)
        return;
    ssize_t n = read(fd, buf, sizeof buf); // expect: SOVA005
    close(fd);
    int out = open("/var/cache/app.conf", O_WRONLY | O_CREAT | O_TRUNC, 0644); // expect: SOVA005
    if (n > 0 && out >= 0)
        write(out, buf, (size_t)n); // expect: SOVA005
    if (out >= 0)
        close(out);
}

int main(void)
{
    static struct peer p;
    fut_executor *actor = fut_serial_new();
    p.fd = socket(AF_INET, SOCK_STREAM, 0);
    p.addr.sin_family = AF_INET;
    p.addr.sin_port = htons(9000);
    fut_post(actor, peer_task, &p);
    fut_post(actor, reload_task, "/etc/app.conf");
    fut_executor_free(actor);
    return 0;
}
