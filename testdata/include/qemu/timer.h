/* qemu/timer.h - QEMU clock types (subset) for sova's test cases. */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

typedef enum {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_VIRTUAL_RT = 3,
    QEMU_CLOCK_MAX
} QEMUClockType;

#define SCALE_MS 1000000

int64_t qemu_clock_get_ns(QEMUClockType type);

#endif /* QEMU_TIMER_H */
