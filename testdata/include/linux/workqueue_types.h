/* linux/workqueue_types.h - struct work_struct and work_func_t, as split out
 * of <linux/workqueue.h> since Linux 6.7. Minimal: lockdep map omitted. */
#ifndef _LINUX_WORKQUEUE_TYPES_H
#define _LINUX_WORKQUEUE_TYPES_H

#include <linux/atomic.h>
#include <linux/list.h>

struct workqueue_struct;

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

#endif /* _LINUX_WORKQUEUE_TYPES_H */
