/* uv_poll watches a socket that the program set O_NONBLOCK; the poll callback drains it through
 * drain_nonblocking(), annotated sova:nonblocking, while a timer callback reads a pipe directly.
 * Why: sova reports descriptor I/O only on descriptors provably from open(); a pipe's mode is unknown,
 * so neither read is reported, and the annotation documents the non-blocking helper. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <uv.h>

static ssize_t drain_nonblocking(int fd, char *buf, size_t cap) __attribute__((annotate("sova:nonblocking")));

static ssize_t drain_nonblocking(int fd, char *buf, size_t cap)
{
    ssize_t total = 0, n;
    while ((size_t)total < cap && (n = read(fd, buf + total, cap - (size_t)total)) > 0)
        total += n;
    return total > 0 ? total : (errno == EAGAIN ? 0 : -1);
}

static int sock_fd = -1;
static int status_pipe = -1;

static void on_sock_readable(uv_poll_t *h, int status, int events)
{
    char buf[4096];
    (void)h;
    if (status == 0 && (events & UV_READABLE))
        drain_nonblocking(sock_fd, buf, sizeof buf);
}

static void on_status_tick(uv_timer_t *t)
{
    char buf[64];
    (void)t;
    read(status_pipe, buf, sizeof buf); /* a pipe of unknown mode: not reported */
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_poll_t poll_h;
    uv_timer_t tick;
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    status_pipe = fds[0];
    sock_fd = socket(AF_INET, SOCK_STREAM, 0);
    fcntl(sock_fd, F_SETFL, fcntl(sock_fd, F_GETFL) | O_NONBLOCK);
    uv_poll_init_socket(loop, &poll_h, sock_fd);
    uv_poll_start(&poll_h, UV_READABLE, on_sock_readable);
    uv_timer_init(loop, &tick);
    uv_timer_start(&tick, on_status_tick, 1000, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
