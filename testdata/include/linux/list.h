/* linux/list.h - minimal doubly linked list head for sova's kernel-style test
 * cases (the kernel defines struct list_head in <linux/types.h>, whose name
 * the uapi headers in /usr/include already use). */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

#define INIT_LIST_HEAD(list)			\
	do {					\
		(list)->next = (list);		\
		(list)->prev = (list);		\
	} while (0)

#endif /* _LINUX_LIST_H */
