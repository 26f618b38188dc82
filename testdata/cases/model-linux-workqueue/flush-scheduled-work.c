/* Work items on the kernel-global workqueue call flush_scheduled_work(), which flushes system_wq
 * (__flush_workqueue(system_wq) since Linux 5.19). Why: its kernel-doc says it "WILL LEAD TO DEADLOCK" when
 * "your code is running in the context of a work routine". The item queued with queue_work(system_wq, ...)
 * is a provable self-wait (SOVA004); the one queued with schedule_work(), whose workqueue is implicit, is
 * reported as a wait in a worker (SOVA001). The module exit path flushes legitimately. */
#include <linux/workqueue.h>

struct hid_quirks {
	struct work_struct rescan_work;
	struct work_struct led_work;
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
	flush_scheduled_work(); // expect: SOVA001
}

void quirks_event(int rescan)
{
	if (rescan)
		queue_work(system_wq, &q.rescan_work);
	else
		schedule_work(&q.led_work);
}

int quirks_init(void)
{
	INIT_WORK(&q.rescan_work, rescan_work_fn);
	INIT_WORK(&q.led_work, led_work_fn);
	return 0;
}

void quirks_exit(void)
{
	flush_scheduled_work();
}
