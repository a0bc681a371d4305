/* rt_sigreturn loads the FPU state from the signal frame: an xmm register
 * the handler changes in uc_mcontext.fpregs comes back changed, the MXCSR
 * too; the handler itself starts with a clean FPU state. A frame whose MXCSR
 * has reserved bits set is refused: the process dies of SIGSEGV. */
#include "abi.h"

static double as_double(unsigned long bits) { double d; memcpy(&d, &bits, sizeof(d)); return d; }
static unsigned long as_bits(double d) { unsigned long b; memcpy(&b, &d, sizeof(b)); return b; }

static unsigned long seen_in_handler;

static void change_xmm(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	__asm__ volatile("movq %%xmm0, %0" : "=r"(seen_in_handler));
	struct _fpstate *fp = ((ucontext_t *)ctx)->uc_mcontext.fpregs;
	unsigned long two = as_bits(2.5);
	memcpy(&fp->_xmm[0], &two, sizeof(two));
	fp->mxcsr |= 0x6000;	/* rounding toward zero */
}

static void bad_mxcsr(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	((ucontext_t *)ctx)->uc_mcontext.fpregs->mxcsr |= 1u << 20;	/* reserved */
}

static void refused(void)
{
	on_signal(SIGUSR2, bad_mxcsr, 0);
	kill(getpid(), SIGUSR2);	/* not raise(): musl caches the tid, stale after a raw fork */
	printf("came back from a frame with a bad MXCSR\n");
}

int main(void)
{
	unsigned long after;
	unsigned mxcsr;
	on_signal(SIGUSR1, change_xmm, 0);
	/* xmm0 holds 1.5 across the kill system call and the handler. */
	__asm__ volatile("movq %2, %%xmm0\n\t"
			 "mov $62, %%eax\n\tsyscall\n\t"
			 "movq %%xmm0, %0\n\t"
			 "stmxcsr %1"
			 : "=r"(after), "=m"(mxcsr)
			 : "r"(as_bits(1.5)), "D"((long)getpid()), "S"((long)SIGUSR1)
			 : "rax", "rcx", "r11", "xmm0", "memory");
	printf("xmm0 in the handler: %g (clean state)\n", as_double(seen_in_handler));
	printf("xmm0 after sigreturn: %g\n", as_double(after));
	printf("mxcsr rounding after sigreturn: %u\n", (mxcsr >> 13) & 3);
	run_child("bad mxcsr in the frame", refused);
	return 0;
}
