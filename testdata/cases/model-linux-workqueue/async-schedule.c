/* Asynchronous probe functions (async_schedule*) synchronize from inside themselves. Why: a function of an async
 * domain waiting for that domain waits for itself (SOVA004, the domain is the handle of async_schedule_domain);
 * async_synchronize_full() from a function of the default domain waits for itself too (SOVA004: async_schedule's
 * domain is implicit, async_dfl_domain, and async_synchronize_full drains it). Synchronizing from the init path
 * is the intended use. */
#include <linux/async.h>

struct port {
	int id;
	int online;
};

static struct port ports[4];
static ASYNC_DOMAIN_EXCLUSIVE(port_probe_domain);

static void probe_port(void *data, async_cookie_t cookie)
{
	struct port *p = data;

	(void)cookie;
	p->online = 1;
	/* the last port reports when the whole bus is up */
	if (p->id == 3)
		async_synchronize_full_domain(&port_probe_domain); // expect: SOVA004
}

static void scan_expanders(void *data, async_cookie_t cookie)
{
	(void)data;
	(void)cookie;
	async_synchronize_full(); // expect: SOVA004
}

int hba_init(void)
{
	for (int i = 0; i < 4; i++) {
		ports[i].id = i;
		async_schedule_domain(probe_port, &ports[i], &port_probe_domain);
	}
	async_schedule(scan_expanders, NULL);
	async_synchronize_full_domain(&port_probe_domain);
	return 0;
}
