/* After munmap, touching the range is SIGSEGV (in a child); unmapping only
 * the middle page leaves its neighbours usable; munmap of an unmapped range
 * succeeds; a misaligned address or zero length is EINVAL. */
#include "abi.h"

static char *m;

static void read_page0(void) { (void)*(volatile char *)m; }
static void read_page1(void) { (void)*(volatile char *)(m + ABI_PAGE); }
static void write_page1_end(void) { *(volatile char *)(m + 2 * ABI_PAGE - 1) = 1; }
static void read_page2(void) { (void)*(volatile char *)(m + 2 * ABI_PAGE); }

int main(void)
{
	m = mmap(NULL, 3 * ABI_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(m, 7, 3 * ABI_PAGE);
	printf("munmap middle page: %d\n", munmap(m + ABI_PAGE, ABI_PAGE));
	run_child("read first page", read_page0);
	run_child("read unmapped middle page", read_page1);
	run_child("write last byte of the middle page", write_page1_end);
	run_child("read third page", read_page2);
	printf("munmap the middle page again: %d\n", munmap(m + ABI_PAGE, ABI_PAGE));
	show("munmap misaligned", munmap(m + 1, ABI_PAGE));
	show("munmap length 0", munmap(m, 0));
	printf("munmap all three: %d\n", munmap(m, 3 * ABI_PAGE));
	run_child("read first page after", read_page0);
	return 0;
}
