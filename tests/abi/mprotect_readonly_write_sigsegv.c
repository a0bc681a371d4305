/* mprotect: a read-only page can be read but a write is SIGSEGV; PROT_NONE
 * forbids reads too; making it writable again works and keeps the data. */
#include "abi.h"

static char *m;

static void read_it(void) { if (*(volatile char *)m != 'q') _exit(1); }
static void write_it(void) { *(volatile char *)m = 'w'; }

int main(void)
{
	m = mmap(NULL, 2 * ABI_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m[0] = 'q';
	printf("mprotect PROT_READ: %d\n", mprotect(m, ABI_PAGE, PROT_READ));
	run_child("read of read-only page", read_it);
	run_child("write to read-only page", write_it);
	printf("mprotect PROT_NONE: %d\n", mprotect(m, ABI_PAGE, PROT_NONE));
	run_child("read of PROT_NONE page", read_it);
	printf("mprotect PROT_READ|PROT_WRITE: %d\n", mprotect(m, ABI_PAGE, PROT_READ | PROT_WRITE));
	run_child("write after restoring", write_it);
	printf("data kept: %s\n", yes(m[0] == 'q'));
	m[0] = 'z';
	printf("parent writes: %s\n", yes(m[0] == 'z'));
	show("mprotect misaligned (raw: musl rounds down)", syscall(SYS_mprotect, m + 1, ABI_PAGE, PROT_READ));
	show("mprotect bad flags", mprotect(m, ABI_PAGE, 0x100));
	munmap(m + ABI_PAGE, ABI_PAGE);
	show("mprotect of an unmapped page", mprotect(m + ABI_PAGE, ABI_PAGE, PROT_READ));
	return 0;
}
