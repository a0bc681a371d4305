/* The siginfo a handler gets for each kind of fault: si_code, and si_addr
 * as Linux fills it: the instruction for #DE and #UD, the data address for
 * a page fault, and nothing (0) for int3 and #GP, which are SI_KERNEL. */
#include "abi.h"
#include <setjmp.h>

static sigjmp_buf back;
static volatile int zero;
extern char ud2_at[], div_at[];

static void handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	const char *where = si->si_addr == NULL ? "0" :
		(char *)si->si_addr == ud2_at || (char *)si->si_addr == div_at ? "the instruction" :
		(uintptr_t)si->si_addr == 8 ? "the data address" : "elsewhere";
	printf("%s: si_code %d, si_addr %s\n", sig_name(sig), si->si_code, where);
	siglongjmp(back, 1);
}

static void ud2(void) { __asm__ volatile("ud2_at: ud2"); }
static void divide(void) { __asm__ volatile("div_at: divl %0" :: "r"(zero), "a"(1), "d"(0)); }
static void int3(void) { __asm__ volatile("int3"); }
static void hlt(void) { __asm__ volatile("hlt"); }
static volatile uintptr_t eight = 8;
static void null_write(void) { *(volatile int *)eight = 1; }

int main(void)
{
	void (*const faults[])(void) = { ud2, divide, int3, hlt, null_write };
	const int sigs[] = { SIGILL, SIGFPE, SIGTRAP, SIGSEGV };
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		on_signal(sigs[i], handler, SA_NODEFER);
	for (unsigned i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		if (!sigsetjmp(back, 1))
			faults[i]();
	return 0;
}
