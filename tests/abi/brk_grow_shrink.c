/* brk: the break grows (new memory reads zero and is writable) and shrinks
 * (memory above it is gone: touching it is SIGSEGV); an impossible request
 * leaves the break where it was. Raw syscalls, before any malloc. */
#include "abi.h"

static char *cur_brk(void)
{
	return (char *)syscall(SYS_brk, 0);
}

static char *probe;

static void touch_probe(void)
{
	*(volatile char *)probe = 1;
}

int main(void)
{
	char *start = cur_brk();
	printf("brk(0) returns a break: %s\n", yes(start != NULL));
	printf("brk(0) again is the same: %s\n", yes(cur_brk() == start));

	char *grown = (char *)syscall(SYS_brk, start + 256 * 1024);
	printf("grow by 256 KiB: %s\n", yes(grown == start + 256 * 1024));
	long zero = 1;
	for (char *p = start; p < grown; p += 4096)
		zero &= *p == 0;
	printf("new memory reads zero: %s\n", yes(zero));
	memset(start, 0x5a, 256 * 1024);
	printf("new memory is writable: %s\n", yes(start[256 * 1024 - 1] == 0x5a));

	char *shrunk = (char *)syscall(SYS_brk, start + 4096);
	printf("shrink to one page: %s\n", yes(shrunk == start + 4096));
	printf("memory below the break kept: %s\n", yes(start[4095] == 0x5a));
	probe = start + 64 * 1024;
	run_child("touching memory above the break", touch_probe);

	char *regrown = (char *)syscall(SYS_brk, start + 128 * 1024);
	printf("grow again: %s, the old contents are gone: %s\n",
	       yes(regrown == start + 128 * 1024), yes(start[64 * 1024] == 0));

	printf("brk(kernel address) fails, break unchanged: %s\n",
	       yes((char *)syscall(SYS_brk, ABI_KERNEL_PTR) == regrown));
	char on_stack;
	printf("brk(up to the stack) fails, break unchanged: %s\n",
	       yes((char *)syscall(SYS_brk, &on_stack) == regrown));
	printf("brk below the start fails, break unchanged: %s\n",
	       yes((char *)syscall(SYS_brk, start - 4096 * 16) == regrown));
	syscall(SYS_brk, start);
	return 0;
}
