/* A child-waiter thread's last act is uv_async_send(); the async callback
 * it wakes joins the thread (ttyd's pty.c). Why silent: the callback runs
 * only after the thread's last act, so uv_thread_join waits for a thread
 * that is returning, not for the child. Beside it, thread-wakes-early.c
 * keeps the shapes where the join does wait. */
#include <sys/types.h>
#include <sys/wait.h>
#include <uv.h>

typedef struct {
    uv_loop_t *loop;
    uv_thread_t tid;
    uv_async_t async;
    pid_t pid;
    int exit_code;
} child_proc;

static void waiter_main(void *arg)
{
    child_proc *p = arg;
    int status = 0;
    while (waitpid(p->pid, &status, 0) < 0)
        ;
    if (WIFEXITED(status))
        p->exit_code = WEXITSTATUS(status);
    uv_async_send(&p->async);
}

static void child_proc_free(child_proc *p)
{
    uv_thread_join(&p->tid);
}

static void on_child_exit(uv_async_t *async)
{
    child_proc *p = async->data;
    uv_close((uv_handle_t *)async, NULL);
    child_proc_free(p);
}

int child_proc_watch(child_proc *p)
{
    p->async.data = p;
    uv_async_init(p->loop, &p->async, on_child_exit);
    return uv_thread_create(&p->tid, waiter_main, p);
}
