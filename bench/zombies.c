/*
 * zombies: the cost of reaping a child when many are waiting to be reaped.
 *
 *   zombies COUNT          default 1000; the result is wait4_zombies_COUNT
 *
 * Forks COUNT children that all _exit(0) at once, waits until every one of
 * them is a zombie (dead, its exit status not yet collected), then times
 * COUNT calls of wait4(-1, ...): the time per reap. A kernel that scans its
 * whole list of children (or of processes) for one to reap makes this grow
 * with COUNT.
 *
 * How it knows they are all dead: every child holds the write end of one
 * pipe, which the kernel closes when the child exits; the parent reads
 * until end of file, which comes when the last child has closed it. Closing
 * files happens a little before a process becomes a zombie, so the parent
 * then also waits for one to be a zombie (waitid with WNOWAIT, which does
 * not reap it) and sleeps 10 ms for the rest to catch up.
 */
#include "bench.h"
#include <sys/wait.h>
#include <unistd.h>

static void make_zombies(unsigned long count)
{
	int fds[2];
	if (pipe(fds) < 0)
		die("pipe");
	for (unsigned long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
	}
	close(fds[1]);
	char byte;
	ssize_t got;
	while ((got = read(fds[0], &byte, 1)) > 0)
		;
	if (got < 0)
		die("read");
	close(fds[0]);
	siginfo_t si;
	if (waitid(P_ALL, 0, &si, WEXITED | WNOWAIT) < 0)
		die("waitid");
	struct timespec ten_ms = { .tv_nsec = 10000000 };
	nanosleep(&ten_ms, NULL);
}

/* Reaps count children; returns the time it took in ns. */
static unsigned long long reap(unsigned long count)
{
	unsigned long long start = now_ns();
	for (unsigned long i = 0; i < count; i++) {
		int status;
		if (wait4(-1, &status, 0, NULL) <= 0)
			die("wait4");
		if (status != 0)
			fail("a child did not exit with status 0");
	}
	return now_ns() - start;
}

int main(int argc, char **argv)
{
	unsigned long count = iterations(argc, argv, 1000);
	make_zombies(WARMUP);
	reap(WARMUP);
	make_zombies(count);
	unsigned long long total = reap(count);
	char name[64];
	snprintf(name, sizeof name, "wait4_zombies_%lu", count);
	report(name, total / count, "ns");
	return 0;
}
