/* Report generation on uv_queue_work: work_cb writes with a synchronous uv_fs_write and sleeps between
 * retries; after_work_cb also writes synchronously and waits on a semaphore. Why: work_cb is a pool context
 * (not reported), after_work_cb runs on the loop thread (SOVA005). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

struct report_job {
    uv_work_t req;
    uv_file out;
    uv_file index;
    char text[512];
    int attempts;
};

static uv_sem_t index_slots;

static int write_all(uv_loop_t *loop, uv_file fd, char *text)
{
    uv_fs_t w;
    uv_buf_t buf = uv_buf_init(text, (unsigned)strlen(text));
    int rc = uv_fs_write(loop, &w, fd, &buf, 1, -1, NULL);
    uv_fs_req_cleanup(&w);
    return rc;
}

static void render_report(uv_work_t *req)
{
    struct report_job *job = req->data;
    while (write_all(req->loop, job->out, job->text) < 0 && job->attempts++ < 3)
        usleep(100000);
}

static void report_written(uv_work_t *req, int status)
{
    struct report_job *job = req->data;
    uv_fs_t w;
    char line[] = "report done\n";
    uv_buf_t buf = uv_buf_init(line, sizeof line - 1);
    (void)status;
    uv_sem_wait(&index_slots); // expect: SOVA005
    uv_fs_write(req->loop, &w, job->index, &buf, 1, -1, NULL); // expect: SOVA005
    uv_fs_req_cleanup(&w);
    uv_sem_post(&index_slots);
    free(job);
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_fs_t o1, o2;
    struct report_job *job = calloc(1, sizeof *job);
    uv_sem_init(&index_slots, 1);
    job->out = uv_fs_open(loop, &o1, "report.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644, NULL);
    job->index = uv_fs_open(loop, &o2, "index.txt", O_WRONLY | O_CREAT | O_APPEND, 0644, NULL);
    strcpy(job->text, "quarterly numbers\n");
    job->req.data = job;
    uv_queue_work(loop, &job->req, render_report, report_written);
    return uv_run(loop, UV_RUN_DEFAULT);
}
