/* linux/timer.h - minimal timer declarations for sova's kernel-style test
 * cases: delayed work embeds a timer. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>

struct timer_list {
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	unsigned int flags;
};

#define TIMER_DEFERRABLE 0x00080000
#define TIMER_IRQSAFE 0x00200000

void __timer_init(struct timer_list *timer, void (*func)(struct timer_list *),
		  unsigned int flags);

extern unsigned long volatile jiffies;
unsigned long msecs_to_jiffies(const unsigned int m);
#define HZ 250

#endif /* _LINUX_TIMER_H */
