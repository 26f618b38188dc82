/* --explain on a join that the callback's entry makes finished: the thread
 * it joins woke the callback with its last act (joins.c). */
#include <uv.h>

typedef struct {
	uv_thread_t tid;
	uv_async_t async;
	int status;
} job;

void run_job(job *j);

static void job_main(void *arg)
{
	job *j = arg;
	run_job(j);
	uv_async_send(&j->async);
}

static void job_free(job *j)
{
	uv_thread_join(&j->tid); // explain
}

static void on_job_done(uv_async_t *async)
{
	job_free(async->data);
}

int job_start(uv_loop_t *loop, job *j)
{
	j->async.data = j;
	uv_async_init(loop, &j->async, on_job_done);
	return uv_thread_create(&j->tid, job_main, j);
}
