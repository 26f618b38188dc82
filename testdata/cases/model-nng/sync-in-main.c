/* A REP server written synchronously: main and an nng_thread_create thread use nng_recv/nng_send/
 * nng_recvmsg/nng_sendmsg, a callback-less aio is waited on with nng_aio_wait, and shutdown stops and
 * frees the aios from main.
 * Why: none of this runs in an aio callback (nng_thread_create starts a dedicated thread): no results. */
#include <nng/nng.h>
#include <nng/protocol/reqrep0/rep.h>
#include <nng/supplemental/util/platform.h>

struct server {
    nng_socket sock;
    nng_socket admin;
    nng_aio *idle_aio;
    nng_aio *notify_aio;
    volatile int stop;
};

static void notify_cb(void *arg)
{
    struct server *s = arg;
    if (nng_aio_result(s->notify_aio) == 0)
        nng_msg_free(nng_aio_get_msg(s->notify_aio));
}

static void admin_thread(void *arg)
{
    struct server *s = arg;
    while (!s->stop) {
        nng_msg *cmd;
        if (nng_recvmsg(s->admin, &cmd, 0) != 0)
            continue;
        if (nng_msg_len(cmd) == 4)
            s->stop = 1;
        nng_sendmsg(s->admin, cmd, 0);
    }
}

int main(void)
{
    static struct server s;
    nng_thread *admin;
    if (nng_rep0_open(&s.sock) != 0 || nng_rep0_open(&s.admin) != 0)
        return 1;
    nng_listen(s.sock, "tcp://0.0.0.0:6000", NULL, 0);
    nng_listen(s.admin, "ipc:///tmp/admin.sock", NULL, 0);
    nng_thread_create(&admin, admin_thread, &s);
    nng_aio_alloc(&s.idle_aio, NULL, NULL);
    nng_aio_alloc(&s.notify_aio, notify_cb, &s);
    while (!s.stop) {
        char *buf = NULL;
        size_t len;
        if (nng_recv(s.sock, &buf, &len, NNG_FLAG_ALLOC) != 0)
            continue;
        nng_send(s.sock, buf, len, NNG_FLAG_ALLOC);
        nng_sleep_aio(10, s.idle_aio);
        nng_aio_wait(s.idle_aio);
    }
    nng_aio_stop(s.notify_aio);
    nng_aio_free(s.notify_aio);
    nng_aio_free(s.idle_aio);
    nng_thread_destroy(admin);
    nng_close(s.admin);
    nng_close(s.sock);
    return 0;
}
