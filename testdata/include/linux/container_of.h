/* linux/container_of.h - minimal container_of() for sova's kernel-style test
 * cases (the kernel's version adds a type check with __same_type()). */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <stddef.h>

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif /* _LINUX_CONTAINER_OF_H */
