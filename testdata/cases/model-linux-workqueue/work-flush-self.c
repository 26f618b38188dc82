/* A work function cancels its own work item with cancel_work_sync(), another flushes its own item via its parameter.
 * Why: both wait for the running instance of the work item, i.e. for themselves: certain deadlock (SOVA004).
 * The same calls on the driver's remove path, outside any work item, are the intended use. */
#include <linux/workqueue.h>

struct foo_dev {
	struct work_struct reset_work;
	struct work_struct stats_work;
	unsigned int resets;
	unsigned long rx_packets;
};

static struct foo_dev foo;

static void foo_reset_work(struct work_struct *work)
{
	struct foo_dev *fd = container_of(work, struct foo_dev, reset_work);

	fd->resets++;
	/* make sure no other reset is in flight before re-arming the hardware */
	cancel_work_sync(&fd->reset_work); // expect: SOVA004
}

static void foo_stats_work(struct work_struct *work)
{
	foo.rx_packets++;
	flush_work(work); // expect: SOVA004
}

void foo_irq(void)
{
	schedule_work(&foo.reset_work);
	schedule_work(&foo.stats_work);
}

int foo_probe(void)
{
	INIT_WORK(&foo.reset_work, foo_reset_work);
	INIT_WORK(&foo.stats_work, foo_stats_work);
	return 0;
}

void foo_remove(void)
{
	cancel_work_sync(&foo.reset_work);
	flush_work(&foo.stats_work);
}
