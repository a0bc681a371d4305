/*
 * null_syscall: the cost of entering and leaving the kernel.
 *
 *   null_syscall [N]       default 20000
 *
 * Calls getppid N times and prints the time per call. getppid does next to
 * nothing in the kernel, so what is measured is the way in and out: the
 * syscall instruction, saving and restoring registers, the dispatch, and
 * sysret. It goes through syscall(SYS_getppid) rather than getppid()
 * so that no C library can answer from a cache without entering the kernel.
 */
#include "bench.h"
#include <sys/syscall.h>
#include <unistd.h>

static void run(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 20000);
	run(WARMUP);
	unsigned long long start = now_ns();
	run(n);
	report("null_syscall", (now_ns() - start) / n, "ns");
	return 0;
}
