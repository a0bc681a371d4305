/* The wall-clock sources agree: time(), gettimeofday() and
 * clock_gettime(CLOCK_REALTIME) (raw syscalls) are within a second of each
 * other; tv_usec < 1e6; gettimeofday(NULL, NULL) is allowed. */
#include "abi.h"
#include <sys/time.h>

int main(void)
{
	struct timespec ts;
	struct timeval tv;
	time_t t1, t2;

	syscall(SYS_time, &t1);
	syscall(SYS_gettimeofday, &tv, NULL);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	t2 = syscall(SYS_time, NULL);
	printf("time() return value and *tloc agree: %s\n", yes(t2 - t1 <= 1 && t2 >= t1));
	/* time() may lag the precise clocks by a tick: allow a second either way. */
	printf("gettimeofday within a second of time(): %s\n",
	       yes(tv.tv_sec >= t1 - 1 && tv.tv_sec <= t2 + 1));
	printf("CLOCK_REALTIME within a second of time(): %s\n",
	       yes(ts.tv_sec >= t1 - 1 && ts.tv_sec <= t2 + 1));
	printf("tv_usec in range: %s\n", yes(tv.tv_usec >= 0 && tv.tv_usec < 1000000));
	printf("CLOCK_REALTIME not before gettimeofday: %s\n",
	       yes(ts.tv_sec * 1000000LL + ts.tv_nsec / 1000 >= tv.tv_sec * 1000000LL + tv.tv_usec));
	show("gettimeofday(NULL, NULL)", syscall(SYS_gettimeofday, NULL, NULL));
	return 0;
}
