#ifndef SYSRET_TIME_H
#define SYSRET_TIME_H
#include "types.h"

struct timespec64 { int64_t tv_sec, tv_nsec; };

void time_init(void);			/* reads the CMOS clock once */
uint64_t time_realtime_ns(void);	/* ns since 1970 */
uint64_t time_monotonic_ns(void);	/* ns since boot */
long timeout_deadline(const struct timespec64 *uts, uint64_t *deadline);

#endif
