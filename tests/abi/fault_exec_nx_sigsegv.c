/* Executing memory mapped without PROT_EXEC (NX) is SIGSEGV; the same code
 * copied into a PROT_EXEC mapping runs. */
#include "abi.h"

static unsigned char *code;

static void call_code(void) { _exit(((int (*)(void))code)()); }

int main(void)
{
	/* mov $42, %eax; ret */
	static const unsigned char ret42[] = { 0xb8, 42, 0, 0, 0, 0xc3 };

	code = mmap(NULL, ABI_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memcpy(code, ret42, sizeof(ret42));
	run_child("call into a PROT_READ|PROT_WRITE page", call_code);
	mprotect(code, ABI_PAGE, PROT_READ | PROT_EXEC);
	run_child("call into a PROT_READ|PROT_EXEC page", call_code);
	static unsigned char data[16];
	memcpy(data, ret42, sizeof(ret42));
	code = data;
	run_child("call into .bss", call_code);
	return 0;
}
