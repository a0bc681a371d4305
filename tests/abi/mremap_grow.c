/* mremap: growing in place or by moving (MREMAP_MAYMOVE) keeps the contents
 * and the new part reads zero; shrinking frees the tail; growing a mapping
 * hemmed in by another without MREMAP_MAYMOVE fails with ENOMEM. */
#include "abi.h"

static char *tail;

static void touch_tail(void) { (void)*(volatile char *)tail; }

int main(void)
{
	size_t page = ABI_PAGE;
	char *m = mmap(NULL, 5 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (size_t i = 0; i < 4 * page; i++)
		m[i] = (char)(i % 199);
	/* The fifth page, read-only, is a separate mapping: growing must move. */
	printf("wall: %d\n", mprotect(m + 4 * page, page, PROT_READ));
	show_map("grow in place without MAYMOVE", mremap(m, 4 * page, 8 * page, 0));

	char *g = mremap(m, 4 * page, 64 * page, MREMAP_MAYMOVE);
	printf("grow with MAYMOVE: ok %s, moved %s\n", yes(g != MAP_FAILED), yes(g != m));
	long same = 1, zero = 1;
	for (size_t i = 0; i < 4 * page; i++)
		same &= g[i] == (char)(i % 199);
	for (size_t i = 4 * page; i < 64 * page; i++)
		zero &= g[i] == 0;
	printf("contents kept: %s, new part zero: %s\n", yes(same), yes(zero));
	g[64 * page - 1] = 1;
	tail = m;
	run_child("old address after the move", touch_tail);

	char *s = mremap(g, 64 * page, 2 * page, 0);
	printf("shrink: in place %s, contents kept %s\n", yes(s == g), yes(g[page] == (char)(page % 199)));
	tail = g + 2 * page;
	run_child("touch the freed tail", touch_tail);
	show_map("mremap to size 0", mremap(g, 2 * page, 0, MREMAP_MAYMOVE));
	show_map("mremap misaligned", mremap(g + 1, page, 2 * page, MREMAP_MAYMOVE));
	return 0;
}
