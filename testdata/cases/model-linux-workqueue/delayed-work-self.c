/* A polling delayed work cancels itself with cancel_delayed_work_sync(), and a garbage-collection delayed work
 * declared with DECLARE_DELAYED_WORK flushes itself. Why: both wait for their own running instance: certain
 * deadlock (SOVA004). The handle is the delayed_work whose embedded .work carries the function. Stopping the
 * poller from process context is the intended use. */
#include <linux/workqueue.h>

struct poller {
	struct delayed_work poll_work;
	struct workqueue_struct *wq;
	int stopping;
	unsigned int polls;
};

static void poller_fn(struct work_struct *work)
{
	struct poller *p = container_of(to_delayed_work(work), struct poller, poll_work);

	if (p->stopping) {
		cancel_delayed_work_sync(&p->poll_work); // expect: SOVA004
		return;
	}
	p->polls++;
	queue_delayed_work(p->wq, &p->poll_work, HZ);
}

static void cache_gc_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(cache_gc_work, cache_gc_fn);

static void cache_gc_fn(struct work_struct *work)
{
	(void)work;
	flush_delayed_work(&cache_gc_work); // expect: SOVA004
	schedule_delayed_work(&cache_gc_work, 10 * HZ);
}

int poller_start(struct poller *p)
{
	p->wq = alloc_workqueue("poller", WQ_FREEZABLE, 0);
	if (!p->wq)
		return -12;
	INIT_DELAYED_WORK(&p->poll_work, poller_fn);
	queue_delayed_work(p->wq, &p->poll_work, 0);
	schedule_delayed_work(&cache_gc_work, 10 * HZ);
	return 0;
}

void poller_stop(struct poller *p)
{
	p->stopping = 1;
	cancel_delayed_work_sync(&p->poll_work);
	cancel_delayed_work_sync(&cache_gc_work);
	destroy_workqueue(p->wq);
}
