/* A uv_check callback services a foreign library's fds with poll/ppoll/select/pselect/epoll_wait. Why: with
 * an infinite or non-zero constant timeout the call parks the loop (SOVA005); a zero timeout, a non-NULL
 * timeout pointer or a timeout held in a variable is not provably blocking, so sova stays quiet. */
#define _GNU_SOURCE /* ppoll */
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <uv.h>

struct foreign {
    struct pollfd fds[4];
    nfds_t nfds;
    int epfd;
    int timeout_ms;
    fd_set readable;
    int maxfd;
};

static struct foreign lib;

static void service_foreign(uv_check_t *h)
{
    struct epoll_event ev[8];
    struct timeval zero = { 0, 0 };
    struct timespec zero_ts = { 0, 0 };
    (void)h;
    poll(lib.fds, lib.nfds, 0);
    ppoll(lib.fds, lib.nfds, &zero_ts, NULL);
    pselect(lib.maxfd + 1, &lib.readable, NULL, NULL, &zero_ts, NULL);
    poll(lib.fds, lib.nfds, lib.timeout_ms);
    epoll_wait(lib.epfd, ev, 8, 0);
    select(lib.maxfd + 1, &lib.readable, NULL, NULL, &zero);
}

static void service_foreign_blocking(uv_check_t *h)
{
    struct epoll_event ev[8];
    (void)h;
    poll(lib.fds, lib.nfds, -1); // expect: SOVA005
    poll(lib.fds, lib.nfds, 250); // expect: SOVA005
    epoll_wait(lib.epfd, ev, 8, -1); // expect: SOVA005
    select(lib.maxfd + 1, &lib.readable, NULL, NULL, NULL); // expect: SOVA005
    ppoll(lib.fds, lib.nfds, NULL, NULL); // expect: SOVA005
    pselect(lib.maxfd + 1, &lib.readable, NULL, NULL, NULL, NULL); // expect: SOVA005
}

int main(int argc, char **argv)
{
    uv_loop_t *loop = uv_default_loop();
    uv_check_t check, legacy_check;
    (void)argv;
    lib.epfd = epoll_create1(0);
    lib.timeout_ms = 0;
    poll(lib.fds, lib.nfds, -1);
    uv_check_init(loop, &check);
    uv_check_start(&check, service_foreign);
    if (argc > 1) {
        uv_check_init(loop, &legacy_check);
        uv_check_start(&legacy_check, service_foreign_blocking);
    }
    return uv_run(loop, UV_RUN_DEFAULT);
}
