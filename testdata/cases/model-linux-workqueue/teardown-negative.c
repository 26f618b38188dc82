/* The canonical driver lifecycle: work items only queue more work, complete completions, cancel without waiting
 * and try_wait; all waiting (flush, cancel_*_sync, wait_for_completion, destroy_workqueue) happens on the
 * probe/remove paths in process context. Why: nothing waits inside a work item: no result. */
#include <linux/completion.h>
#include <linux/workqueue.h>

struct baz_dev {
	struct workqueue_struct *wq;
	struct work_struct rx_work;
	struct work_struct refill_work;
	struct delayed_work watchdog;
	struct completion stopped;
	unsigned int rx, refills;
};

static void baz_refill_work(struct work_struct *work)
{
	struct baz_dev *bz = container_of(work, struct baz_dev, refill_work);

	bz->refills++;
}

static void baz_rx_work(struct work_struct *work)
{
	struct baz_dev *bz = container_of(work, struct baz_dev, rx_work);

	bz->rx++;
	queue_work(bz->wq, &bz->refill_work);
	if (try_wait_for_completion(&bz->stopped))
		cancel_delayed_work(&bz->watchdog);
}

static void baz_watchdog(struct work_struct *work)
{
	struct baz_dev *bz = container_of(to_delayed_work(work), struct baz_dev, watchdog);

	cancel_work(&bz->refill_work);
	mod_delayed_work(bz->wq, &bz->watchdog, 5 * HZ);
	complete(&bz->stopped);
}

int baz_probe(struct baz_dev *bz)
{
	bz->wq = alloc_workqueue("baz", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!bz->wq)
		return -12;
	init_completion(&bz->stopped);
	INIT_WORK(&bz->rx_work, baz_rx_work);
	INIT_WORK(&bz->refill_work, baz_refill_work);
	INIT_DELAYED_WORK(&bz->watchdog, baz_watchdog);
	queue_delayed_work(bz->wq, &bz->watchdog, 5 * HZ);
	return 0;
}

void baz_irq(struct baz_dev *bz)
{
	queue_work(bz->wq, &bz->rx_work);
}

void baz_remove(struct baz_dev *bz)
{
	cancel_delayed_work_sync(&bz->watchdog);
	cancel_work_sync(&bz->rx_work);
	flush_work(&bz->refill_work);
	wait_for_completion(&bz->stopped);
	flush_workqueue(bz->wq);
	destroy_workqueue(bz->wq);
}
