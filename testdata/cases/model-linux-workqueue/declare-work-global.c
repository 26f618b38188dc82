/* A statically declared work item (DECLARE_WORK) calls a helper that flushes that same global work item; the
 * helper is also used by the sysfs handler. Why: from inside sync_work the flush waits for itself: certain
 * deadlock (SOVA004, reported at the helper's flush_work()); from the sysfs handler it is fine. */
#include <linux/workqueue.h>

static unsigned long dirty_pages;

static void do_sync_work(struct work_struct *work);
static DECLARE_WORK(sync_work, do_sync_work);

static void wait_for_sync(void)
{
	flush_work(&sync_work); // expect: SOVA004
}

static void do_sync_work(struct work_struct *work)
{
	(void)work;
	dirty_pages = 0;
	/* writeback may have re-queued us: wait until that run is done too */
	wait_for_sync();
}

void mark_dirty(unsigned long n)
{
	dirty_pages += n;
	schedule_work(&sync_work);
}

long sync_store(const char *buf, long count)
{
	(void)buf;
	schedule_work(&sync_work);
	wait_for_sync();
	return count;
}
