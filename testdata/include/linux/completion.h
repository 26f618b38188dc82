/* linux/completion.h - minimal declarations of kernel completions for sova's
 * kernel-style test cases (rules/models/linux-workqueue.json). Names, types
 * and argument orders follow include/linux/completion.h of Linux 6.x;
 * init_completion() and reinit_completion() are static inline upstream. */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H

#include <stdbool.h>
#include <linux/list.h>

struct completion {
	unsigned int done;
	struct list_head wait;		/* struct swait_queue_head upstream */
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, LIST_HEAD_INIT((work).wait) }

#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

void init_completion(struct completion *x);
void reinit_completion(struct completion *x);

extern void wait_for_completion(struct completion *);
extern void wait_for_completion_io(struct completion *);
extern int wait_for_completion_interruptible(struct completion *x);
extern int wait_for_completion_killable(struct completion *x);
extern int wait_for_completion_state(struct completion *x, unsigned int state);
extern unsigned long wait_for_completion_timeout(struct completion *x,
						   unsigned long timeout);
extern unsigned long wait_for_completion_io_timeout(struct completion *x,
						    unsigned long timeout);
extern long wait_for_completion_interruptible_timeout(
	struct completion *x, unsigned long timeout);
extern long wait_for_completion_killable_timeout(
	struct completion *x, unsigned long timeout);
extern bool try_wait_for_completion(struct completion *x);
extern bool completion_done(struct completion *x);

extern void complete(struct completion *);
extern void complete_all(struct completion *);

#endif /* __LINUX_COMPLETION_H */
