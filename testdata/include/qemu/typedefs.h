/* qemu/typedefs.h - QEMU's forward typedefs (subset) for sova's test cases. */
#ifndef QEMU_TYPEDEFS_H
#define QEMU_TYPEDEFS_H

typedef struct AioContext AioContext;
typedef struct BdrvChild BdrvChild;
typedef struct BlockBackend BlockBackend;
typedef struct BlockDriverState BlockDriverState;
typedef struct Error Error;
typedef struct QEMUBH QEMUBH;
typedef struct QemuEvent QemuEvent;
typedef struct QemuOpts QemuOpts;
typedef struct QemuSemaphore QemuSemaphore;
typedef struct QemuThread QemuThread;

#endif /* QEMU_TYPEDEFS_H */
