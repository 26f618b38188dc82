/* linux/kthread.h - minimal declarations of the kthread_worker API for sova's
 * kernel-style test cases (rules/models/linux-workqueue.json). Names, types
 * and argument orders follow include/linux/kthread.h of Linux 6.x
 * (before 6.14, where kthread_create_worker() became a macro over
 * kthread_create_worker_on_node()). kthread_init_work() and
 * kthread_init_worker() are macros as upstream (minus memset and lockdep). */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <stdbool.h>
#include <linux/list.h>
#include <linux/timer.h>

struct task_struct;
struct lock_class_key;

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...);
/* Upstream also wakes the new thread up. */
#define kthread_run(threadfn, data, namefmt, ...)			\
	kthread_create_on_node(threadfn, data, -1, namefmt, ##__VA_ARGS__)
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);

struct kthread_work;
typedef void (*kthread_work_func_t)(struct kthread_work *work);
void kthread_delayed_work_timer_fn(struct timer_list *t);

enum {
	KTW_FREEZABLE		= 1 << 0,	/* freeze during suspend */
};

struct kthread_worker {
	unsigned int		flags;
	struct list_head	work_list;
	struct list_head	delayed_work_list;
	struct task_struct	*task;
	struct kthread_work	*current_work;
};

struct kthread_work {
	struct list_head	node;
	kthread_work_func_t	func;
	struct kthread_worker	*worker;
	/* Number of canceling calls that are running at the moment. */
	int			canceling;
};

struct kthread_delayed_work {
	struct kthread_work work;
	struct timer_list timer;
};

#define KTHREAD_WORK_INIT(work, fn)	{				\
	.node = LIST_HEAD_INIT((work).node),				\
	.func = (fn),							\
	}

#define DEFINE_KTHREAD_WORK(work, fn)					\
	struct kthread_work work = KTHREAD_WORK_INIT(work, fn)

extern void __kthread_init_worker(struct kthread_worker *worker,
			const char *name, struct lock_class_key *key);

#define kthread_init_worker(worker)					\
	__kthread_init_worker((worker), "("#worker")->lock",	\
			      (struct lock_class_key *)0)

#define kthread_init_work(work, fn)					\
	do {								\
		INIT_LIST_HEAD(&(work)->node);				\
		(work)->func = (fn);					\
	} while (0)

#define kthread_init_delayed_work(dwork, fn)				\
	do {								\
		kthread_init_work(&(dwork)->work, (fn));		\
		__timer_init(&(dwork)->timer,				\
			     kthread_delayed_work_timer_fn,		\
			     TIMER_IRQSAFE);				\
	} while (0)

int kthread_worker_fn(void *worker_ptr);

struct kthread_worker *
kthread_create_worker(unsigned int flags, const char namefmt[], ...)
	__attribute__((format(printf, 2, 3)));

/* Linux >= 6.14: kthread_create_worker() is a macro over this one, and
 * kthread_run_worker() also wakes the worker up. */
struct kthread_worker *
kthread_create_worker_on_node(unsigned int flags, int node,
			      const char namefmt[], ...)
	__attribute__((format(printf, 3, 4)));

struct kthread_worker *
kthread_create_worker_on_cpu(int cpu, unsigned int flags,
			     const char namefmt[], ...)
	__attribute__((format(printf, 3, 4)));

bool kthread_queue_work(struct kthread_worker *worker,
			struct kthread_work *work);

bool kthread_queue_delayed_work(struct kthread_worker *worker,
				struct kthread_delayed_work *dwork,
				unsigned long delay);

bool kthread_mod_delayed_work(struct kthread_worker *worker,
			      struct kthread_delayed_work *dwork,
			      unsigned long delay);

void kthread_flush_work(struct kthread_work *work);
void kthread_flush_worker(struct kthread_worker *worker);

bool kthread_cancel_work_sync(struct kthread_work *work);
bool kthread_cancel_delayed_work_sync(struct kthread_delayed_work *work);

void kthread_destroy_worker(struct kthread_worker *worker);

#endif /* _LINUX_KTHREAD_H */
