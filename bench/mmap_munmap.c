/*
 * mmap_munmap: the cost of creating and removing a memory mapping.
 *
 *   mmap_munmap [N]        default 5000
 *
 * N times: mmap one page of anonymous memory, then munmap it, without
 * touching it in between. No page is ever allocated: this is the kernel's
 * bookkeeping of address ranges (finding a free range, inserting and
 * removing the area) and two system calls. The time is per pair.
 */
#include "bench.h"
#include <sys/mman.h>

static void run(unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			die("mmap");
		if (munmap(p, 4096) < 0)
			die("munmap");
	}
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 5000);
	run(WARMUP);
	unsigned long long start = now_ns();
	run(n);
	report("mmap_munmap", (now_ns() - start) / n, "ns");
	return 0;
}
