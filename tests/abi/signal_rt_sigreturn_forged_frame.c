/* rt_sigreturn called without a signal frame restores whatever the stack
 * holds: an all-zero "frame" (no valid context: rip 0) or a stack pointer
 * into unmapped or non-canonical memory kills the process with SIGSEGV. */
#include "abi.h"

static char frame[8192] __attribute__((aligned(64)));

static void sigreturn_with_sp(void *sp)
{
	__asm__ __volatile__("mov %0, %%rsp\n\tmov $15, %%eax\n\tsyscall\n\tud2"
			     : : "r"(sp) : "memory", "rax");
	__builtin_unreachable();
}

static void zero_frame(void) { sigreturn_with_sp(frame + 2048); }
static void unmapped_sp(void) { sigreturn_with_sp((void *)4096); }
static void noncanonical_sp(void) { sigreturn_with_sp((void *)0x8000000000000000UL); }

static void junk_frame(void)
{
	memset(frame, 0xa5, sizeof(frame));
	sigreturn_with_sp(frame + 2048);
}

int main(void)
{
	set_disposition(SIGSEGV, SIG_DFL);
	run_child("all-zero frame", zero_frame);
	run_child("frame full of 0xa5 bytes", junk_frame);
	run_child("stack pointer in unmapped memory", unmapped_sp);
	run_child("non-canonical stack pointer", noncanonical_sp);
	return 0;
}
