/* Work functions wait for the firmware-loaded completion, unbounded and with a timeout.
 * Why: a work item sleeping on a completion holds a worker until someone else completes it (SOVA001; the timeout
 * variant is bounded). The probe path waits the same way outside any work item, and a wait guarded by
 * completion_done() cannot block: neither is reported. */
#include <linux/completion.h>
#include <linux/workqueue.h>

struct fw_loader {
	struct completion fw_ready;
	struct work_struct boot_work;
	struct work_struct watchdog_work;
	struct work_struct reap_work;
	int booted;
};

static void fw_boot_work(struct work_struct *work)
{
	struct fw_loader *ld = container_of(work, struct fw_loader, boot_work);

	wait_for_completion(&ld->fw_ready); // expect: SOVA001
	ld->booted = 1;
}

static void fw_watchdog_work(struct work_struct *work)
{
	struct fw_loader *ld = container_of(work, struct fw_loader, watchdog_work);

	if (!wait_for_completion_timeout(&ld->fw_ready, msecs_to_jiffies(500))) // expect: SOVA001
		ld->booted = -1;
}

static void fw_reap_work(struct work_struct *work)
{
	struct fw_loader *ld = container_of(work, struct fw_loader, reap_work);

	if (completion_done(&ld->fw_ready))
		wait_for_completion(&ld->fw_ready);
}

/* firmware loader callback */
void fw_loaded(struct fw_loader *ld)
{
	complete_all(&ld->fw_ready);
}

int fw_loader_probe(struct fw_loader *ld)
{
	init_completion(&ld->fw_ready);
	INIT_WORK(&ld->boot_work, fw_boot_work);
	INIT_WORK(&ld->watchdog_work, fw_watchdog_work);
	INIT_WORK(&ld->reap_work, fw_reap_work);
	schedule_work(&ld->boot_work);
	schedule_work(&ld->watchdog_work);
	schedule_work(&ld->reap_work);
	return wait_for_completion_interruptible(&ld->fw_ready);
}
