/* Work items on the kernel-global workqueue call flush_scheduled_work(), which flushes system_wq
 * (__flush_workqueue(system_wq) since Linux 5.19). Why: its kernel-doc says it "WILL LEAD TO DEADLOCK" when
 * "your code is running in the context of a work routine". Both items wait for themselves (SOVA004): the one
 * queued with queue_work(system_wq, ...) names the workqueue; schedule_work() queues on system_wq implicitly,
 * which the model says ("implicit_executor"). An item on a private workqueue that flushes system_wq waits for
 * other work, not for itself: a wait in a worker (SOVA001). The module exit path flushes legitimately. */
#include <linux/workqueue.h>

struct hid_quirks {
	struct work_struct rescan_work;
	struct work_struct led_work;
	struct work_struct sync_work;
	struct workqueue_struct *wq;
	int leds;
};

static struct hid_quirks q;

static void rescan_work_fn(struct work_struct *work)
{
	(void)work;
	flush_scheduled_work(); // expect: SOVA004
}

static void led_work_fn(struct work_struct *work)
{
	struct hid_quirks *hq = container_of(work, struct hid_quirks, led_work);

	hq->leds ^= 1;
	flush_scheduled_work(); // expect: SOVA004
}

static void sync_work_fn(struct work_struct *work)
{
	(void)work;
	flush_scheduled_work(); // expect: SOVA001
}

void quirks_event(int rescan)
{
	if (rescan < 0)
		queue_work(q.wq, &q.sync_work);
	else if (rescan)
		queue_work(system_wq, &q.rescan_work);
	else
		schedule_work(&q.led_work);
}

int quirks_init(void)
{
	INIT_WORK(&q.rescan_work, rescan_work_fn);
	INIT_WORK(&q.led_work, led_work_fn);
	INIT_WORK(&q.sync_work, sync_work_fn);
	q.wq = alloc_workqueue("quirks", 0, 0);
	return 0;
}

void quirks_exit(void)
{
	flush_scheduled_work();
}
