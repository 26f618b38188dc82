/* A thermal work item reads a per-CPU sensor with work_on_cpu(), which queues the function on that CPU and waits;
 * the function itself waits for the sensor's completion. Why: work_on_cpu() is submit-and-wait, so calling it
 * from a work item parks the worker (SOVA001), and the function runs on a worker too (SOVA001). Module init may
 * call work_on_cpu(): it runs in process context. */
#include <linux/completion.h>
#include <linux/workqueue.h>

struct sensor_req {
	struct completion done;
	int cpu;
	long millideg;
};

static struct work_struct thermal_work;
static struct sensor_req req;

static long read_sensor_on_cpu(void *arg)
{
	struct sensor_req *r = arg;

	wait_for_completion(&r->done); // expect: SOVA001
	return r->millideg;
}

static long read_sensor_id(void *arg)
{
	struct sensor_req *r = arg;

	return r->cpu;
}

static void thermal_work_fn(struct work_struct *work)
{
	long t;

	(void)work;
	t = work_on_cpu(req.cpu, read_sensor_on_cpu, &req); // expect: SOVA001
	if (t > 90000)
		req.millideg = t;
}

int thermal_init(void)
{
	init_completion(&req.done);
	if (work_on_cpu(0, read_sensor_id, &req) < 0)
		return -19;
	INIT_WORK(&thermal_work, thermal_work_fn);
	schedule_work(&thermal_work);
	return 0;
}
