/* deadline.h - the absolute time, on pthread_cond_timedwait's clock, that
 * lies a number of nanoseconds from now: fut.c's bounded waits and sim.c's
 * timer and watchdog. */
#ifndef FUTRT_DEADLINE_H
#define FUTRT_DEADLINE_H

#include <time.h>

static inline struct timespec futrt_deadline_ns(long long ns)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	if (ns < 0)
		ns = 0;
	until.tv_sec += (time_t)(ns / 1000000000LL);
	until.tv_nsec += (long)(ns % 1000000000LL);
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	return until;
}

#endif /* FUTRT_DEADLINE_H */
