/*
 * The 256 entry points of the IDT and the common path they share.
 *
 * Register contract on entry (set by the CPU):
 *   the stack is the TSS's RSP0 (from user mode), the interrupted stack
 *   (from kernel mode), or an IST stack (NMI, double fault, machine check);
 *   on it: [error code,] rip, cs, rflags, rsp, ss; interrupts are off
 *   (every gate is an interrupt gate); GS is whatever the interrupted code had.
 * Each stub pushes a zero where the CPU pushes no error code, so every frame
 * has one shape (struct trap_frame), then pushes its vector number.
 * Which vectors have an error code comes from the exception table itself
 * (ERRCODE_MASK is generated from exceptions.c at build time).
 */
#include "gen/errcode.h"
#include "regs.h"

#define TF_CS_OFF	(18 * 8)

	.text
	.global vector_stubs_start
vector_stubs_start:
	.set i, 0
	.rept 256
	.align 16		/* each stub is at vector_stubs_start + 16 * vector */
	.if i >= 32 || ((ERRCODE_MASK >> (i & 31)) & 1) == 0
	pushq $0
	.endif
	pushq $i
	.if i == 2 || i == 8 || i == 18
	jmp paranoid_common
	.else
	jmp trap_common
	.endif
	.set i, i + 1
	.endr

/*
 * From user mode GS holds the user's base: swapgs to reach the per-CPU area,
 * and swap back on the way out. The CPL of the interrupted code is in CS.
 */
	.global trap_common
trap_common:
	PUSH_REGS
	testb $3, TF_CS_OFF(%rsp)
	jz 1f
	swapgs
1:	movq %rsp, %rdi
	xorl %ebp, %ebp		/* the backtrace stops here */
	call trap_dispatch
	.global trap_return
trap_return:
	testb $3, TF_CS_OFF(%rsp)
	jz 1f
	swapgs
1:	POP_REGS
	iretq

/*
 * NMI, double fault and machine check can strike anywhere, even between a
 * syscall and its swapgs, so CS does not tell which GS is live. Ask the MSR:
 * a kernel GS base is a kernel-half (negative) address. %rbx, callee-saved,
 * remembers whether we swapped.
 */
paranoid_common:
	PUSH_REGS
	movl $0xC0000101, %ecx	/* MSR_GS_BASE */
	rdmsr
	xorl %ebx, %ebx
	testl %edx, %edx
	js 1f
	swapgs
	movl $1, %ebx
1:	movq %rsp, %rdi
	xorl %ebp, %ebp
	call trap_dispatch
	testl %ebx, %ebx
	jz 2f
	swapgs
2:	POP_REGS
	iretq

/* The stub addresses, for idt_init(). */
	.section .rodata
	.align 8
	.global vector_stubs
vector_stubs:
	.set i, 0
	.rept 256
	.quad vector_stubs_start + i * 16
	.set i, i + 1
	.endr
