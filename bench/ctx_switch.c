/*
 * ctx_switch: the cost of switching from one process to another.
 *
 *   ctx_switch [N]         default 5000
 *
 * Two processes pass one byte back and forth over two pipes, N round
 * trips. Each one-way trip is a write, a wake-up of the other process, a
 * switch to it (registers, address space) and its read; the result is the
 * total time over 2N, per one-way switch.
 *
 * Both processes are pinned to CPU 0 first, so that on a machine with
 * several CPUs they really switch on one CPU instead of each waiting on its
 * own (which measures cross-CPU wake-ups instead). If the kernel cannot pin
 * (no sched_setaffinity), the result is printed all the same.
 */
#include "bench.h"
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child: echo every byte back until the parent closes its pipe. */
static void echo(int in, int out)
{
	char byte;
	ssize_t got;
	while ((got = read(in, &byte, 1)) == 1) {
		if (write(out, &byte, 1) != 1)
			die("write");
	}
	if (got < 0)
		die("read");
	_exit(0);
}

static void ping_pong(unsigned long n, int out, int in)
{
	char byte = 'x';
	for (unsigned long i = 0; i < n; i++) {
		if (write(out, &byte, 1) != 1)
			die("write");
		if (read(in, &byte, 1) != 1)
			die("read");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 5000);
	cpu_set_t cpu0;
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	sched_setaffinity(0, sizeof cpu0, &cpu0);	/* inherited by the child */

	int to_child[2], to_parent[2];
	if (pipe(to_child) < 0 || pipe(to_parent) < 0)
		die("pipe");
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		echo(to_child[0], to_parent[1]);
	}
	close(to_child[0]);
	close(to_parent[1]);

	ping_pong(WARMUP, to_child[1], to_parent[0]);
	unsigned long long start = now_ns();
	ping_pong(n, to_child[1], to_parent[0]);
	unsigned long long total = now_ns() - start;

	close(to_child[1]);	/* end of file for the child: it exits */
	int status;
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (status != 0)
		fail("the child failed");
	report("ctx_switch", total / (2 * n), "ns");
	return 0;
}
