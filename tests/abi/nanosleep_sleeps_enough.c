/* nanosleep sleeps at least the time asked (measured with CLOCK_MONOTONIC);
 * zero returns at once; tv_nsec outside [0, 1e9) or a negative tv_sec is
 * EINVAL. */
#include "abi.h"
#include <time.h>

static long long now_ns(void)
{
	struct timespec t;
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void sleep_for(long nsec)
{
	struct timespec req = { 0, nsec };
	long long t0 = now_ns();
	long r = syscall(SYS_nanosleep, &req, NULL);
	long long slept = now_ns() - t0;
	printf("nanosleep %ld ns: returns %ld, slept at least that: %s\n", nsec, r,
	       yes(slept >= nsec));
}

int main(void)
{
	sleep_for(0);
	sleep_for(1);
	sleep_for(1000 * 1000);
	sleep_for(25 * 1000 * 1000);
	sleep_for(100 * 1000 * 1000);
	struct timespec rem = { 7, 7 };
	struct timespec req = { 0, 1000 };
	show("with a rem pointer", syscall(SYS_nanosleep, &req, &rem));
	req = (struct timespec){ 0, 1000000000 };
	show("tv_nsec 1e9", syscall(SYS_nanosleep, &req, NULL));
	req = (struct timespec){ 0, -1 };
	show("tv_nsec -1", syscall(SYS_nanosleep, &req, NULL));
	req = (struct timespec){ -1, 0 };
	show("tv_sec -1", syscall(SYS_nanosleep, &req, NULL));
	return 0;
}
