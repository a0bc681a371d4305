/* A read on an empty pipe sleeps until a writer provides data, then returns
 * what is there (not necessarily all that was asked for). */
#include "abi.h"
#include <time.h>

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void)
{
	int fds[2];
	char buf[64];
	struct timespec t0;

	pipe(fds);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = abi_fork();
	if (pid == 0) {
		struct timespec delay = { 0, 50 * 1000 * 1000 };
		nanosleep(&delay, NULL);
		write(fds[1], "wake up", 7);
		_exit(0);
	}
	int n = read(fds[0], buf, sizeof(buf));
	printf("read returned %d bytes \"%.*s\"\n", n, n > 0 ? n : 0, buf);
	printf("read waited for the writer (>= 50 ms): %s\n", yes(ms_since(&t0) >= 50));
	printf("writer: %s\n", status_text(wait_for(pid)));
	return 0;
}
