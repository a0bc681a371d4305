/* poll() with no ready descriptors sleeps for its timeout and returns 0;
 * ppoll() the same with a timespec; a pipe written later by a child wakes it. */
#include "abi.h"
#include <poll.h>
#include <time.h>

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void)
{
	struct timespec t0, ts = { 0, 30 * 1000 * 1000 };
	int fds[2];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	int r = poll(NULL, 0, 30);
	printf("poll(NULL, 0, 30): %d, slept >= 30 ms: %s\n", r, yes(ms_since(&t0) >= 30));

	pipe(fds);
	struct pollfd p = { .fd = fds[0], .events = POLLIN };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = ppoll(&p, 1, &ts, NULL);
	printf("ppoll on an empty pipe, 30 ms: %d, slept >= 30 ms: %s\n", r,
	       yes(ms_since(&t0) >= 30));

	pid_t pid = abi_fork();
	if (pid == 0) {
		nanosleep(&ts, NULL);
		write(fds[1], "x", 1);
		_exit(0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = poll(&p, 1, 5000);
	printf("poll woken by a writer: %d, revents POLLIN: %s, before the timeout: %s\n", r,
	       yes(p.revents == POLLIN), yes(ms_since(&t0) < 4000));
	wait_for(pid);
	return 0;
}
