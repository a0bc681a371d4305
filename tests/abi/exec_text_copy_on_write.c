/* A program's code is mapped privately: made writable with mprotect, a
 * store into it changes this process's copy only. The file, and a fresh
 * exec of the same program, still have the original byte (sysret shares
 * the file's own frames with every run and copies one on the first write). */
#include "abi.h"

__attribute__((noinline)) static int marker(int x) { return x * 3 + 1; }

int main(int argc, char **argv)
{
	volatile unsigned char *code = (volatile unsigned char *)(uintptr_t)marker;
	if (argc > 1) {		/* the fresh exec */
		unsigned want = (unsigned)strtoul(argv[1], NULL, 16);
		printf("a fresh exec sees the original byte: %s\n", yes(code[0] == want));
		return 0;
	}
	printf("marker(2) = %d\n", marker(2));
	unsigned char orig = code[0];
	uintptr_t page = (uintptr_t)code & ~(ABI_PAGE - 1);
	show("mprotect of a code page to rwx", mprotect((void *)page, ABI_PAGE, PROT_READ | PROT_WRITE | PROT_EXEC));
	code[0] = orig ^ 0xff;	/* marker is never called again */
	printf("this process's copy changed: %s\n", yes(code[0] == (unsigned char)(orig ^ 0xff)));
	char arg[8];
	snprintf(arg, sizeof(arg), "%x", orig);
	fflush(stdout);
	pid_t pid = abi_fork();
	if (pid == 0) {
		execl(argv[0], argv[0], arg, (char *)NULL);
		_exit(127);
	}
	printf("the fresh exec: %s\n", status_text(wait_for(pid)));
	return 0;
}
