/*
 * page_fault: the cost of a first-touch page fault.
 *
 *   page_fault [N]         default 2000 (pages)
 *
 * Maps N fresh pages of anonymous memory and writes one byte to each, in
 * order. mmap only reserves the addresses; each first write faults, and the
 * kernel finds a free page, zeroes it and maps it. The result is the time
 * per page: the fault, the zeroing (4 KiB) and the return.
 *
 * madvise(MADV_NOHUGEPAGE) asks Linux not to use 2 MiB pages here, which
 * would fault once per 512 pages and measure something else. A kernel that
 * has no huge pages may refuse the advice (EINVAL): that is fine.
 */
#include "bench.h"
#include <sys/mman.h>
#include <unistd.h>

static void touch(char *pages, unsigned long n, long page)
{
	for (unsigned long i = 0; i < n; i++)
		pages[i * page] = 1;
}

int main(int argc, char **argv)
{
	unsigned long n = iterations(argc, argv, 2000);
	long page = sysconf(_SC_PAGESIZE);
	/* The warm-up pages come first in the same mapping. */
	size_t len = (n + WARMUP) * page;
	char *pages = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED)
		die("mmap");
	if (madvise(pages, len, MADV_NOHUGEPAGE) < 0 && errno != EINVAL)
		die("madvise");

	touch(pages, WARMUP, page);
	unsigned long long start = now_ns();
	touch(pages + WARMUP * page, n, page);
	unsigned long long total = now_ns() - start;
	if (munmap(pages, len) < 0)
		die("munmap");
	report("page_fault", total / n, "ns");
	return 0;
}
