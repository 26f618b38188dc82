/* dispatch/dispatch.h - minimal declarations of libdispatch (Grand Central
 * Dispatch) for sova's test cases.
 *
 * Names, types and argument orders follow the upstream headers
 * (swiftlang/swift-corelibs-libdispatch: dispatch/{base,object,queue,group,
 * semaphore,time,block}.h) in their plain-C form: objects are pointers to
 * opaque structs, DISPATCH_DECL_SUBCLASS types are typedefs of their base.
 * Declarations only; the block-based API needs clang's -fblocks (__BLOCKS__),
 * exactly as upstream guards it. Used by rules/models/dispatch.json. */
#ifndef __DISPATCH_PUBLIC__
#define __DISPATCH_PUBLIC__

#include <stddef.h>
#include <stdint.h>

/* base.h */
typedef void (*dispatch_function_t)(void *);

/* object.h (plain C) */
#define DISPATCH_DECL(name) typedef struct name##_s *name##_t
#define DISPATCH_DECL_SUBCLASS(name, base) typedef base##_t name##_t
#define DISPATCH_GLOBAL_OBJECT(type, object) ((type)&(object))

typedef union {
	struct dispatch_object_s *_do;
	struct dispatch_queue_s *_dq;
	struct dispatch_queue_attr_s *_dqa;
	struct dispatch_group_s *_dg;
	struct dispatch_semaphore_s *_dsema;
} dispatch_object_t __attribute__((__transparent_union__));

#ifdef __BLOCKS__
typedef void (^dispatch_block_t)(void);
#endif

void dispatch_retain(dispatch_object_t object);
void dispatch_release(dispatch_object_t object);
void dispatch_suspend(dispatch_object_t object);
void dispatch_resume(dispatch_object_t object);
void dispatch_activate(dispatch_object_t object);

/* time.h */
typedef uint64_t dispatch_time_t;
#define NSEC_PER_SEC 1000000000ull
#define NSEC_PER_MSEC 1000000ull
#define USEC_PER_SEC 1000000ull
#define NSEC_PER_USEC 1000ull
#define DISPATCH_TIME_NOW (0ull)
#define DISPATCH_TIME_FOREVER (~0ull)
dispatch_time_t dispatch_time(dispatch_time_t when, int64_t delta);

/* queue.h */
DISPATCH_DECL(dispatch_queue);
DISPATCH_DECL_SUBCLASS(dispatch_queue_global, dispatch_queue);
DISPATCH_DECL_SUBCLASS(dispatch_queue_serial, dispatch_queue);
DISPATCH_DECL_SUBCLASS(dispatch_queue_main, dispatch_queue_serial);
DISPATCH_DECL_SUBCLASS(dispatch_queue_concurrent, dispatch_queue);
DISPATCH_DECL(dispatch_queue_attr);

#ifdef __BLOCKS__
void dispatch_async(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
#ifdef __BLOCKS__
/* "Calls to dispatch_sync() targeting the current queue will result in dead-lock." */
void dispatch_sync(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
#ifdef __BLOCKS__
/* Apple SDK (macOS 10.14+); not in swift-corelibs-libdispatch. */
void dispatch_async_and_wait(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_async_and_wait_f(dispatch_queue_t queue, void *context, dispatch_function_t work);

#define DISPATCH_APPLY_AUTO ((dispatch_queue_t)0)
#ifdef __BLOCKS__
void dispatch_apply(size_t iterations, dispatch_queue_t queue, void (^block)(size_t));
#endif
void dispatch_apply_f(size_t iterations, dispatch_queue_t queue, void *context,
		void (*work)(void *, size_t));

dispatch_queue_main_t dispatch_get_main_queue(void); /* upstream: an always-inline function */

#define DISPATCH_QUEUE_PRIORITY_HIGH 2
#define DISPATCH_QUEUE_PRIORITY_DEFAULT 0
#define DISPATCH_QUEUE_PRIORITY_LOW (-2)
#define DISPATCH_QUEUE_PRIORITY_BACKGROUND INT16_MIN
dispatch_queue_global_t dispatch_get_global_queue(intptr_t identifier, uintptr_t flags);

#define DISPATCH_QUEUE_SERIAL NULL
extern struct dispatch_queue_attr_s _dispatch_queue_attr_concurrent;
#define DISPATCH_QUEUE_CONCURRENT \
		DISPATCH_GLOBAL_OBJECT(dispatch_queue_attr_t, _dispatch_queue_attr_concurrent)

dispatch_queue_t dispatch_queue_create_with_target(const char *label,
		dispatch_queue_attr_t attr, dispatch_queue_t target);
dispatch_queue_t dispatch_queue_create(const char *label, dispatch_queue_attr_t attr);
const char *dispatch_queue_get_label(dispatch_queue_t queue);
void dispatch_set_target_queue(dispatch_object_t object, dispatch_queue_t queue);
void dispatch_main(void) __attribute__((__noreturn__));

#ifdef __BLOCKS__
void dispatch_after(dispatch_time_t when, dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_after_f(dispatch_time_t when, dispatch_queue_t queue, void *context,
		dispatch_function_t work);
#ifdef __BLOCKS__
void dispatch_barrier_async(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_barrier_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
#ifdef __BLOCKS__
void dispatch_barrier_sync(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_barrier_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
#ifdef __BLOCKS__
void dispatch_barrier_async_and_wait(dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_barrier_async_and_wait_f(dispatch_queue_t queue, void *context,
		dispatch_function_t work);

/* group.h */
DISPATCH_DECL(dispatch_group);
dispatch_group_t dispatch_group_create(void);
#ifdef __BLOCKS__
void dispatch_group_async(dispatch_group_t group, dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_group_async_f(dispatch_group_t group, dispatch_queue_t queue, void *context,
		dispatch_function_t work);
intptr_t dispatch_group_wait(dispatch_group_t group, dispatch_time_t timeout);
#ifdef __BLOCKS__
void dispatch_group_notify(dispatch_group_t group, dispatch_queue_t queue, dispatch_block_t block);
#endif
void dispatch_group_notify_f(dispatch_group_t group, dispatch_queue_t queue, void *context,
		dispatch_function_t work);
void dispatch_group_enter(dispatch_group_t group);
void dispatch_group_leave(dispatch_group_t group);

/* semaphore.h */
DISPATCH_DECL(dispatch_semaphore);
dispatch_semaphore_t dispatch_semaphore_create(intptr_t value);
intptr_t dispatch_semaphore_wait(dispatch_semaphore_t dsema, dispatch_time_t timeout);
intptr_t dispatch_semaphore_signal(dispatch_semaphore_t dsema);

/* block.h */
#ifdef __BLOCKS__
typedef unsigned long dispatch_block_flags_t;
#define DISPATCH_BLOCK_BARRIER 0x1ul
#define DISPATCH_BLOCK_DETACHED 0x2ul
#define DISPATCH_BLOCK_ASSIGN_CURRENT 0x4ul
#define DISPATCH_BLOCK_NO_QOS_CLASS 0x8ul
#define DISPATCH_BLOCK_INHERIT_QOS_CLASS 0x10ul
#define DISPATCH_BLOCK_ENFORCE_QOS_CLASS 0x20ul
dispatch_block_t dispatch_block_create(dispatch_block_flags_t flags, dispatch_block_t block);
void dispatch_block_perform(dispatch_block_flags_t flags, dispatch_block_t block);
intptr_t dispatch_block_wait(dispatch_block_t block, dispatch_time_t timeout);
void dispatch_block_notify(dispatch_block_t block, dispatch_queue_t queue,
		dispatch_block_t notification_block);
void dispatch_block_cancel(dispatch_block_t block);
intptr_t dispatch_block_testcancel(dispatch_block_t block);
#endif

#endif /* __DISPATCH_PUBLIC__ */
