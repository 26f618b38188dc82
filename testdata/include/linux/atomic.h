/* linux/atomic.h - minimal atomic_long_t for sova's kernel-style test cases. */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_LONG_INIT(i) { (i) }

#endif /* _LINUX_ATOMIC_H */
