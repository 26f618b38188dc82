/* A camera driver embeds its kthread_worker, sets it up with kthread_init_worker() (the executor comes back
 * through the out-parameter) and a frame work flushes that worker. Why: the worker is busy running the flusher:
 * certain deadlock (SOVA004). Stopping the camera flushes it from process context. */
#include <linux/kthread.h>
#include <linux/workqueue.h>

struct cam {
	struct kthread_worker kworker;
	struct task_struct *kworker_task;
	struct kthread_work frame_work;
	unsigned int frames;
};

static void cam_frame_work(struct kthread_work *work)
{
	struct cam *c = container_of(work, struct cam, frame_work);

	c->frames++;
	/* make sure the previous frame's work has retired */
	kthread_flush_worker(&c->kworker); // expect: SOVA004
}

int cam_start(struct cam *c)
{
	kthread_init_worker(&c->kworker);
	c->kworker_task = kthread_run(kthread_worker_fn, &c->kworker, "cam");
	kthread_init_work(&c->frame_work, cam_frame_work);
	return 0;
}

void cam_vsync_irq(struct cam *c)
{
	kthread_queue_work(&c->kworker, &c->frame_work);
}

void cam_stop(struct cam *c)
{
	kthread_flush_worker(&c->kworker);
	kthread_stop(c->kworker_task);
}
