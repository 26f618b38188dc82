/* linux/async.h - minimal declarations of the kernel's asynchronous function
 * calls (kernel/async.c) for sova's kernel-style test cases
 * (rules/models/linux-workqueue.json). Names, types and argument orders
 * follow include/linux/async.h of Linux 6.x; async_schedule(),
 * async_schedule_domain(), async_schedule_dev() and
 * async_schedule_dev_domain() are static inline wrappers upstream. */
#ifndef __ASYNC_H__
#define __ASYNC_H__

#include <stdbool.h>
#include <stddef.h>
#include <linux/list.h>

typedef unsigned long long async_cookie_t;	/* u64 upstream */
typedef void (*async_func_t) (void *data, async_cookie_t cookie);

struct device;

struct async_domain {
	struct list_head pending;
	unsigned registered:1;
};

/*
 * domain participates in global async_synchronize_full
 */
#define ASYNC_DOMAIN(_name) \
	struct async_domain _name = { .pending = LIST_HEAD_INIT(_name.pending), \
				      .registered = 1 }

/*
 * domain is free to go out of scope as soon as all pending work is
 * complete, this domain does not participate in async_synchronize_full
 */
#define ASYNC_DOMAIN_EXCLUSIVE(_name) \
	struct async_domain _name = { .pending = LIST_HEAD_INIT(_name.pending), \
				      .registered = 0 }

async_cookie_t async_schedule_node(async_func_t func, void *data,
				   int node);
async_cookie_t async_schedule_node_domain(async_func_t func, void *data,
					  int node,
					  struct async_domain *domain);

async_cookie_t async_schedule(async_func_t func, void *data);
async_cookie_t async_schedule_domain(async_func_t func, void *data,
				     struct async_domain *domain);
async_cookie_t async_schedule_dev(async_func_t func, struct device *dev);
async_cookie_t async_schedule_dev_domain(async_func_t func, struct device *dev,
					 struct async_domain *domain);

extern void async_synchronize_full(void);
extern void async_synchronize_full_domain(struct async_domain *domain);
extern void async_synchronize_cookie(async_cookie_t cookie);
extern void async_synchronize_cookie_domain(async_cookie_t cookie,
					    struct async_domain *domain);
extern bool current_is_async(void);

#endif /* __ASYNC_H__ */
