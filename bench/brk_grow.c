/*
 * brk_grow: the cost of growing the heap with brk.
 *
 *   brk_grow [N]           default 2000
 *
 * Reads the program break (the end of the heap) with brk(0), then moves it
 * up by 4096 bytes N times, one brk call each, without touching the new
 * memory; the time is per call. At the end the break goes back to where it
 * was. Moving the break is how malloc traditionally gets more heap.
 *
 * The raw system call is used: musl's brk() and sbrk() refuse to move the
 * break (it would conflict with its malloc). The system call returns the
 * new break, or the old one if the kernel refused.
 */
#include "bench.h"
#include <sys/syscall.h>
#include <unistd.h>

static unsigned long set_break(unsigned long addr)
{
	return (unsigned long)syscall(SYS_brk, addr);
}

/* Grows the break by n steps of 4096 bytes from *end. */
static void grow(unsigned long *end, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		*end += 4096;
		if (set_break(*end) != *end)
			fail("brk did not grow the heap");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 2000);
	unsigned long base = set_break(0), end = base;
	grow(&end, WARMUP);
	unsigned long long start = now_ns();
	grow(&end, n);
	unsigned long long total = now_ns() - start;
	if (set_break(base) != base)
		fail("brk did not shrink the heap back");
	report("brk_grow", total / n, "ns");
	return 0;
}
