/* CLOCK_MONOTONIC never goes backwards and advances across a sleep; the
 * raw syscall agrees with the library; tv_nsec stays below 1e9; a bad clock
 * id is EINVAL. */
#include "abi.h"
#include <time.h>

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	struct timespec prev, now;
	int backwards = 0, bad_nsec = 0;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &prev);
	for (int i = 0; i < 20000; i++) {
		if (i % 2)
			clock_gettime(CLOCK_MONOTONIC, &now);
		else
			syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
		backwards += ns(&now) < ns(&prev);
		bad_nsec += now.tv_nsec < 0 || now.tv_nsec >= 1000000000;
		prev = now;
	}
	printf("20000 reads: backwards %d times, bad tv_nsec %d times\n", backwards, bad_nsec);
	struct timespec d = { 0, 2 * 1000 * 1000 };
	nanosleep(&d, NULL);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now);
	printf("advanced across a 2 ms sleep: %s\n", yes(ns(&now) - ns(&prev) >= 2000000));
	show("CLOCK_REALTIME", syscall(SYS_clock_gettime, CLOCK_REALTIME, &now));
	show("clock id 1000", syscall(SYS_clock_gettime, 1000, &now));
	show("clock id -1", syscall(SYS_clock_gettime, -1, &now));
	return 0;
}
