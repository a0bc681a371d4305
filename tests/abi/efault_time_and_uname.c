/* uname, clock_gettime, gettimeofday, time and nanosleep with bad pointers:
 * EFAULT (the NULL ones where Linux defines NULL as "not wanted" succeed). */
#include "abi.h"

int main(void)
{
	char *edge = edge_page();
	void *bad[] = { NULL, ABI_KERNEL_PTR, edge + ABI_PAGE - 1, edge + ABI_PAGE };
	const char *names[] = { "NULL", "kernel", "straddle", "unmapped" };
	char what[80];

	for (int i = 0; i < 4; i++) {
		const char *n = names[i];
		snprintf(what, sizeof(what), "uname(%s)", n);
		show(what, syscall(SYS_uname, bad[i]));
		snprintf(what, sizeof(what), "clock_gettime(CLOCK_MONOTONIC, %s)", n);
		show(what, syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad[i]));
		snprintf(what, sizeof(what), "clock_gettime(CLOCK_REALTIME, %s)", n);
		show(what, syscall(SYS_clock_gettime, CLOCK_REALTIME, bad[i]));
		snprintf(what, sizeof(what), "gettimeofday(%s, NULL)", n);
		show(what, syscall(SYS_gettimeofday, bad[i], NULL));
		snprintf(what, sizeof(what), "time(%s)", n);
		long t = syscall(SYS_time, bad[i]);
		printf("%s: %s\n", what, t < 0 ? errno_name(errno) : "returns the time");
		snprintf(what, sizeof(what), "nanosleep(%s, NULL)", n);
		show(what, syscall(SYS_nanosleep, bad[i], NULL));
	}
	struct timespec ts;
	struct timeval tv;
	show("gettimeofday(good, kernel timezone)", syscall(SYS_gettimeofday, &tv, ABI_KERNEL_PTR));
	show("clock_gettime(CLOCK_MONOTONIC, good)", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts));
	printf("still alive: yes\n");
	return 0;
}
