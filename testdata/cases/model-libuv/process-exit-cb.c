/* A supervisor spawns workers with uv_spawn; exit_cb is set in uv_process_options_t, once by a designated
 * initializer and once by assignment. Why: libuv calls exit_cb on the loop thread, so the back-off
 * uv_sleep and the synchronous uv_fs_unlink there are SOVA005; the uv_sleep in main is not reported. */
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static char *worker_args[] = { "worker", "--serve", NULL };
static char *job_args[] = { "job", "--once", NULL };

static void start_worker(uv_loop_t *loop);

static void on_worker_exit(uv_process_t *proc, int64_t exit_status, int term_signal)
{
    (void)term_signal;
    uv_close((uv_handle_t *)proc, (uv_close_cb)free);
    if (exit_status != 0)
        uv_sleep(1000); // expect: SOVA005
    start_worker(proc->loop);
}

static void start_worker(uv_loop_t *loop)
{
    uv_process_t *proc = malloc(sizeof *proc);
    uv_process_options_t opts = {
        .exit_cb = on_worker_exit,
        .file = "worker",
        .args = worker_args,
    };
    if (proc != NULL && uv_spawn(loop, proc, &opts) != 0)
        free(proc);
}

static void on_job_exit(uv_process_t *proc, int64_t exit_status, int term_signal)
{
    uv_fs_t req;
    (void)exit_status; (void)term_signal;
    uv_fs_unlink(proc->loop, &req, "job.lock", NULL); // expect: SOVA005
    uv_fs_req_cleanup(&req);
    uv_close((uv_handle_t *)proc, NULL);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    static uv_process_t job;
    uv_process_options_t opts;
    uv_sleep(100);
    start_worker(loop);
    memset(&opts, 0, sizeof opts);
    opts.file = "job";
    opts.args = job_args;
    opts.exit_cb = on_job_exit;
    uv_spawn(loop, &job, &opts);
    return uv_run(loop, UV_RUN_DEFAULT);
}
