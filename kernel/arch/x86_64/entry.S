/*
 * The system call entry: `syscall` lands here (LSTAR).
 *
 * Register contract (set by the CPU and the Linux x86-64 ABI):
 *   rax = system call number; rdi, rsi, rdx, r10, r8, r9 = arguments;
 *   rcx = the user's return rip, r11 = the user's rflags (the CPU put them
 *   there); rsp = still the user's stack; GS = the user's; interrupts off
 *   (SFMASK clears IF, TF, DF, AC).
 * We swapgs to reach the per-CPU area, switch to this process's kernel stack
 * (%gs:8), and build the same struct trap_frame an interrupt would, so one
 * return-to-user path serves both. The result goes back in rax; rcx and r11
 * are clobbered, as on Linux.
 *
 * The way out is sysret when syscall_dispatch says it is safe (a canonical
 * user rip equal to rcx, rflags equal to r11); otherwise iretq, which can
 * restore any register state (execve, and later sigreturn, need that).
 */
#include "regs.h"

#define VEC_SYSCALL	0x100	/* as trapframe.h */

	.text
	.global syscall_entry
syscall_entry:
	swapgs
	movq %rsp, %gs:16		/* the user rsp, until it is on the frame */
	movq %gs:8, %rsp		/* this process's kernel stack */
	pushq $0x1b			/* ss */
	pushq %gs:16			/* rsp */
	pushq %r11			/* rflags */
	pushq $0x23			/* cs */
	pushq %rcx			/* rip */
	pushq %rax			/* error code slot: the call's number, for restarts */
	pushq $VEC_SYSCALL
	PUSH_REGS
	movq %rsp, %rdi
	xorl %ebp, %ebp
	call syscall_dispatch		/* returns 1 when sysret is safe */
	testl %eax, %eax
	jz trap_return			/* iretq, with swapgs (CS says user) */
	POP_REGS			/* rcx = rip, r11 = rflags: checked by syscall_dispatch */
	movq 24(%rsp), %rsp		/* rip, cs, rflags, then rsp */
	swapgs
	sysretq
