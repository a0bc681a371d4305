/*
 * fork_exit_wait: the cost of creating and destroying a process.
 *
 *   fork_exit_wait [N]     default 300
 *
 * N times: fork; the child calls _exit(0) at once; the parent waits for
 * it with waitpid. The time per iteration covers copying the address space
 * (page tables, marking pages copy-on-write), scheduling the child, its
 * exit and the parent's reaping. The program is small, so the address space
 * copied is small too: this is the least a fork can cost.
 */
#include "bench.h"
#include <sys/wait.h>
#include <unistd.h>

static void run(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0)
			_exit(0);
		int status;
		if (waitpid(pid, &status, 0) != pid)
			die("waitpid");
		if (status != 0)
			fail("the child did not exit with status 0");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 300);
	run(WARMUP);
	unsigned long long start = now_ns();
	run(n);
	report("fork_exit_wait", (now_ns() - start) / n, "ns");
	return 0;
}
