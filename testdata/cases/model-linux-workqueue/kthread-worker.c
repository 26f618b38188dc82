/* kthread works on a video unit's kthread_worker: one waits for the job-done completion, one flushes its own
 * worker, one flushes itself. Why: a kthread_worker runs one work at a time, so flushing it or the running work
 * from inside is a certain deadlock (SOVA004) and waiting on a completion blocks the worker (SOVA001). The
 * release path flushes and destroys the worker from process context. */
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/workqueue.h>

struct vpu {
	struct kthread_worker *worker;
	struct kthread_work run_work;
	struct kthread_work abort_work;
	struct kthread_work fence_work;
	struct completion job_done;
	int aborted;
};

static void vpu_run_work(struct kthread_work *work)
{
	struct vpu *v = container_of(work, struct vpu, run_work);

	wait_for_completion(&v->job_done); // expect: SOVA001
}

static void vpu_abort_work(struct kthread_work *work)
{
	struct vpu *v = container_of(work, struct vpu, abort_work);

	v->aborted = 1;
	kthread_flush_worker(v->worker); // expect: SOVA004
}

static void vpu_fence_work(struct kthread_work *work)
{
	kthread_flush_work(work); // expect: SOVA004
}

int vpu_init(struct vpu *v)
{
	v->worker = kthread_create_worker(0, "vpu");
	init_completion(&v->job_done);
	kthread_init_work(&v->run_work, vpu_run_work);
	kthread_init_work(&v->abort_work, vpu_abort_work);
	kthread_init_work(&v->fence_work, vpu_fence_work);
	return 0;
}

void vpu_submit(struct vpu *v, int abort)
{
	if (abort)
		kthread_queue_work(v->worker, &v->abort_work);
	else
		kthread_queue_work(v->worker, &v->run_work);
	kthread_queue_work(v->worker, &v->fence_work);
}

void vpu_irq(struct vpu *v)
{
	complete(&v->job_done);
}

void vpu_release(struct vpu *v)
{
	kthread_flush_worker(v->worker);
	kthread_cancel_work_sync(&v->run_work);
	kthread_destroy_worker(v->worker);
}
