/*
 * Where application processors start. smp.c copies this page to
 * TRAMPOLINE_PHYS and sends each AP a SIPI with vector TRAMPOLINE_PHYS >> 12.
 * Register contract at trampoline_start: real mode, CS = TRAMPOLINE_PHYS >> 4,
 * IP = 0, nothing else defined. The AP climbs real -> protected -> long mode
 * with the page table in tramp_cr3 (identity-maps this page and shares the
 * kernel half), takes its stack from tramp_stack and jumps to tramp_entry.
 * The code is position-dependent on TRAMPOLINE_PHYS: every absolute address
 * is written as T(label).
 */
#include "bootgdt.h"
#include "memlayout.h"

#define T(x)	(TRAMPOLINE_PHYS + (x) - trampoline_start)

	.section .rodata
	.code16
	.global trampoline_start, trampoline_end
	.global tramp_cr3, tramp_efer, tramp_stack, tramp_entry
trampoline_start:
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	lgdtl tramp_gdt_ptr - trampoline_start
	movl %cr0, %eax
	orl $1, %eax			/* PE */
	movl %eax, %cr0
	ljmpl $0x08, $T(tramp32)

	.code32
tramp32:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %cr4, %eax
	orl $0x20, %eax			/* PAE */
	movl %eax, %cr4
	movl T(tramp_cr3), %eax
	movl %eax, %cr3
	movl $0xC0000080, %ecx		/* EFER: LME (+ NXE) */
	rdmsr
	orl T(tramp_efer), %eax
	wrmsr
	movl %cr0, %eax
	orl $0x80010000, %eax		/* PG, WP */
	movl %eax, %cr0
	ljmpl $0x18, $T(tramp64)

	.code64
tramp64:
	xorl %eax, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movq T(tramp_stack), %rsp
	xorl %ebp, %ebp
	movq T(tramp_entry), %rax
	jmpq *%rax

	.align 16
tramp_gdt:
	BOOT_GDT_ENTRIES
tramp_gdt_ptr:
	.word tramp_gdt_ptr - tramp_gdt - 1
	.long T(tramp_gdt)
	.align 8
tramp_cr3:	.long 0
tramp_efer:	.long 0
tramp_stack:	.quad 0
tramp_entry:	.quad 0
trampoline_end:
