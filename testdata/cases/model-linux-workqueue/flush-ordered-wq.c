/* Work items on the device's ordered event workqueue flush or drain that same workqueue, and one flushes the I/O
 * workqueue. Why: flushing/draining the workqueue one runs on waits for oneself: deadlock (SOVA004); flushing
 * another workqueue blocks the worker (SOVA001). The remove path does the same flushes outside any work item. */
#include <linux/workqueue.h>

struct bar_dev {
	struct workqueue_struct *event_wq;	/* ordered: events are handled in order */
	struct workqueue_struct *io_wq;
	struct work_struct event_work;
	struct work_struct reconfig_work;
	struct work_struct shutdown_work;
	struct work_struct io_work;
};

static void bar_io_work(struct work_struct *work)
{
	(void)work;
}

static void bar_event_work(struct work_struct *work)
{
	struct bar_dev *bar = container_of(work, struct bar_dev, event_work);

	/* let the I/O issued for the previous event complete first */
	flush_workqueue(bar->io_wq); // expect: SOVA001
}

static void bar_reconfig_work(struct work_struct *work)
{
	struct bar_dev *bar = container_of(work, struct bar_dev, reconfig_work);

	/* handle the events queued before the reconfiguration */
	flush_workqueue(bar->event_wq); // expect: SOVA004
}

static void bar_shutdown_work(struct work_struct *work)
{
	struct bar_dev *bar = container_of(work, struct bar_dev, shutdown_work);

	drain_workqueue(bar->event_wq); // expect: SOVA004
}

int bar_probe(struct bar_dev *bar)
{
	bar->event_wq = alloc_ordered_workqueue("bar_events", WQ_MEM_RECLAIM);
	if (!bar->event_wq)
		return -12;
	bar->io_wq = alloc_workqueue("bar_io", WQ_UNBOUND, 0);
	if (!bar->io_wq) {
		destroy_workqueue(bar->event_wq);
		return -12;
	}
	INIT_WORK(&bar->event_work, bar_event_work);
	INIT_WORK(&bar->reconfig_work, bar_reconfig_work);
	INIT_WORK(&bar->shutdown_work, bar_shutdown_work);
	INIT_WORK(&bar->io_work, bar_io_work);
	return 0;
}

void bar_irq(struct bar_dev *bar, int reconfig)
{
	queue_work(bar->io_wq, &bar->io_work);
	if (reconfig)
		queue_work(bar->event_wq, &bar->reconfig_work);
	else
		queue_work(bar->event_wq, &bar->event_work);
}

void bar_suspend(struct bar_dev *bar)
{
	queue_work(bar->event_wq, &bar->shutdown_work);
}

void bar_remove(struct bar_dev *bar)
{
	flush_workqueue(bar->event_wq);
	drain_workqueue(bar->io_wq);
	destroy_workqueue(bar->event_wq);
	destroy_workqueue(bar->io_wq);
}
