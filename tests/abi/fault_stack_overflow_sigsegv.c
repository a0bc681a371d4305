/* Unbounded recursion runs off the end of the stack (its limit is 8 MiB):
 * SIGSEGV. A deep but bounded recursion (1 MiB) is fine. */
#include "abi.h"

static long depth(long n, long limit)
{
	volatile char pad[1024];
	pad[0] = (char)n;
	if (n == limit)
		return pad[0];
	return depth(n + 1, limit) + pad[0];
}

static long limit;

static void recurse(void) { _exit(depth(0, limit) == 12345 ? 1 : 0); }

int main(void)
{
	limit = 1000;
	run_child("recursion 1000 deep, ~1 MiB of stack", recurse);
	limit = 1L << 40;
	run_child("unbounded recursion", recurse);
	return 0;
}
