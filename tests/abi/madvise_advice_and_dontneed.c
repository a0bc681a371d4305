/* madvise: advice on a mapping is taken; MADV_DONTNEED drops private
 * anonymous pages (they read back as zero); bad advice, a misaligned
 * address or a hole in the range give Linux's errors. */
#include "abi.h"

int main(void)
{
	char *m = mmap(NULL, 3 * ABI_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m[0] = 'a';
	m[ABI_PAGE] = 'b';
	show("MADV_NOHUGEPAGE", madvise(m, 3 * ABI_PAGE, MADV_NOHUGEPAGE));
	show("MADV_NORMAL", madvise(m, 3 * ABI_PAGE, MADV_NORMAL));
	show("MADV_WILLNEED", madvise(m, ABI_PAGE, MADV_WILLNEED));
	show("MADV_DONTNEED first page", madvise(m, ABI_PAGE, MADV_DONTNEED));
	printf("first page reads zero: %s\n", yes(m[0] == 0));
	printf("second page kept: %s\n", yes(m[ABI_PAGE] == 'b'));
	m[0] = 'c';
	printf("first page writable again: %s\n", yes(m[0] == 'c'));
	show("advice 999", madvise(m, ABI_PAGE, 999));
	show("advice -1", madvise(m, ABI_PAGE, -1));
	show("misaligned", madvise(m + 1, ABI_PAGE, MADV_NORMAL));
	show("length 0", madvise(m, 0, MADV_NORMAL));
	munmap(m + ABI_PAGE, ABI_PAGE);
	show("range with a hole", madvise(m, 3 * ABI_PAGE, MADV_NORMAL));
	show("wholly unmapped", madvise(m + ABI_PAGE, ABI_PAGE, MADV_NORMAL));
	return 0;
}
