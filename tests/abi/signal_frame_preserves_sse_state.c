/* The signal frame saves the SSE state: xmm0-xmm15 and MXCSR set before a
 * system call that delivers a signal are intact after the handler, which
 * overwrote them, returns. The handler itself starts with the default MXCSR
 * (0x1f80), not the interrupted code's rounding mode. */
#include "abi.h"

/* sse_probe(in, out, tid, sig): loads xmm0-15 from in[0..255] and MXCSR from
 * in[256], calls tkill(tid, sig), stores xmm0-15 and MXCSR into out, then
 * puts the caller's MXCSR back. */
void sse_probe(const void *in, void *out, long tid, long sig);
__asm__(".text\n"
    ".globl sse_probe\n"
    ".type sse_probe, @function\n"
    "sse_probe:\n"
    "\tsub $8, %rsp\n\tstmxcsr (%rsp)\n"
    "\tmov %rsi, %r8\n"
    "\tmovdqu 0(%rdi), %xmm0\n\tmovdqu 16(%rdi), %xmm1\n\tmovdqu 32(%rdi), %xmm2\n"
    "\tmovdqu 48(%rdi), %xmm3\n\tmovdqu 64(%rdi), %xmm4\n\tmovdqu 80(%rdi), %xmm5\n"
    "\tmovdqu 96(%rdi), %xmm6\n\tmovdqu 112(%rdi), %xmm7\n\tmovdqu 128(%rdi), %xmm8\n"
    "\tmovdqu 144(%rdi), %xmm9\n\tmovdqu 160(%rdi), %xmm10\n\tmovdqu 176(%rdi), %xmm11\n"
    "\tmovdqu 192(%rdi), %xmm12\n\tmovdqu 208(%rdi), %xmm13\n\tmovdqu 224(%rdi), %xmm14\n"
    "\tmovdqu 240(%rdi), %xmm15\n"
    "\tldmxcsr 256(%rdi)\n"
    "\tmov %rdx, %rdi\n\tmov %rcx, %rsi\n\tmov $200, %eax\n"
    "\tsyscall\n"
    "\tmovdqu %xmm0, 0(%r8)\n\tmovdqu %xmm1, 16(%r8)\n\tmovdqu %xmm2, 32(%r8)\n"
    "\tmovdqu %xmm3, 48(%r8)\n\tmovdqu %xmm4, 64(%r8)\n\tmovdqu %xmm5, 80(%r8)\n"
    "\tmovdqu %xmm6, 96(%r8)\n\tmovdqu %xmm7, 112(%r8)\n\tmovdqu %xmm8, 128(%r8)\n"
    "\tmovdqu %xmm9, 144(%r8)\n\tmovdqu %xmm10, 160(%r8)\n\tmovdqu %xmm11, 176(%r8)\n"
    "\tmovdqu %xmm12, 192(%r8)\n\tmovdqu %xmm13, 208(%r8)\n\tmovdqu %xmm14, 224(%r8)\n"
    "\tmovdqu %xmm15, 240(%r8)\n"
    "\tstmxcsr 256(%r8)\n"
    "\tldmxcsr (%rsp)\n\tadd $8, %rsp\n"
    "\tret\n"
    ".size sse_probe, .-sse_probe\n");

static unsigned handler_mxcsr;
static int runs;

static void handler(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)si;
	(void)ctx;
	unsigned m, z = 0x3f80; /* round down, all exceptions masked */
	__asm__ __volatile__("stmxcsr %0" : "=m"(m));
	handler_mxcsr = m & ~0x3fU; /* the control bits, not the sticky flags */
	__asm__ __volatile__("ldmxcsr %0\n\t"
		     "pcmpeqb %%xmm0, %%xmm0\n\tpcmpeqb %%xmm1, %%xmm1\n\tpxor %%xmm2, %%xmm2\n"
		     "\tpxor %%xmm3, %%xmm3\n\tpxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n"
		     "\tpxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\tpxor %%xmm8, %%xmm8\n"
		     "\tpxor %%xmm9, %%xmm9\n\tpxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n"
		     "\tpxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\tpxor %%xmm14, %%xmm14\n"
		     "\tpxor %%xmm15, %%xmm15\n"
		     : : "m"(z) : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
		     "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	runs++;
}

int main(void)
{
	static unsigned char in[260], out[260];

	for (int i = 0; i < 256; i++)
		in[i] = (unsigned char)(i * 7 + 1);
	unsigned mx = 0x7f80; /* round toward zero, all exceptions masked */
	memcpy(in + 256, &mx, 4);

	on_signal(SIGUSR1, handler, 0);
	sse_probe(in, out, gettid(), SIGUSR1);

	unsigned got;
	memcpy(&got, out + 256, 4);
	printf("handler runs: %d\n", runs);
	printf("handler started with MXCSR 0x1f80: %s\n", yes(handler_mxcsr == 0x1f80));
	printf("xmm0-xmm15 restored: %s\n", yes(memcmp(in, out, 256) == 0));
	printf("MXCSR control bits restored: %s\n", yes((got & ~0x3fU) == mx));
	return 0;
}
