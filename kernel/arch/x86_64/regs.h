#ifndef SYSRET_REGS_H
#define SYSRET_REGS_H
/*
 * Saving and restoring the general registers in struct trap_frame's order
 * (r15 at the lowest address), for every way into the kernel: vectors.S
 * (exceptions, interrupts) and entry.S (system calls).
 */
.macro PUSH_REGS
	cld
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_REGS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp		/* vector and error code */
.endm

#endif
