/*
 * The first instructions sysret runs.
 *
 * QEMU loads the kernel ELF by its physical addresses (from 1 MiB) and
 * starts it the PVH way: at the address in the XEN_ELFNOTE_PHYS32_ENTRY note.
 * Register contract at pvh_start (the PVH boot ABI):
 *   32-bit protected mode, flat CS/DS, paging off, interrupts off;
 *   %ebx = physical address of struct hvm_start_info (memory map, command
 *   line, modules = the initramfs, RSDP).
 * We climb to long mode with a throwaway page table that maps the first 4 GiB
 * twice: at 0 (identity, to survive turning paging on) and at the direct map;
 * plus the kernel image at KERNEL_VMA. mm/ builds the real tables later.
 */
#include "bootgdt.h"
#include "memlayout.h"

#define PA(x)	((x) - KERNEL_VMA)
#define PTE_P	0x1
#define PTE_W	0x2
#define PTE_PS	0x80

	.section .note.Xen, "a", @note
	.align 4
	.long 4			/* name size */
	.long 8			/* descriptor size */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.quad PA(pvh_start)
	.align 4

	.section .boot.text, "ax"
	.code32
	.global pvh_start
pvh_start:
	cli
	cld
	movl %ebx, %esi			/* keep the start info */
	lgdt PA(boot_gdt_ptr)
	ljmp $0x08, $PA(1f)
1:	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl $PA(boot_stack_top), %esp

	/* Zero .bss before the page tables in it are filled. */
	movl $PA(__bss_start), %edi
	movl $PA(__bss_end), %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb

	/* PD entries: 2048 2 MiB pages = the first 4 GiB. */
	movl $PA(boot_pd), %edi
	movl $(PTE_P | PTE_W | PTE_PS), %eax
	xorl %edx, %edx
	movl $2048, %ecx
2:	movl %eax, (%edi)
	movl %edx, 4(%edi)
	addl $0x200000, %eax
	adcl $0, %edx
	addl $8, %edi
	loop 2b

	/* Four PDPT entries, one per GiB, in the low PDPT. */
	movl $PA(boot_pdpt_low), %edi
	movl $PA(boot_pd) + (PTE_P | PTE_W), %eax
	movl $4, %ecx
3:	movl %eax, (%edi)
	addl $4096, %eax
	addl $8, %edi
	loop 3b

	/* The kernel: KERNEL_VMA + x -> x, the first 2 GiB, in slot 510 of the high PDPT. */
	movl $PA(boot_pd) + (PTE_P | PTE_W), %eax
	movl %eax, PA(boot_pdpt_high) + 510 * 8
	addl $4096, %eax
	movl %eax, PA(boot_pdpt_high) + 511 * 8

	movl $PA(boot_pdpt_low) + (PTE_P | PTE_W), %eax
	movl %eax, PA(boot_pml4)		/* identity */
	movl %eax, PA(boot_pml4) + 256 * 8	/* direct map */
	movl $PA(boot_pdpt_high) + (PTE_P | PTE_W), %eax
	movl %eax, PA(boot_pml4) + 511 * 8	/* kernel image */

	movl %cr4, %eax
	orl $0x20, %eax			/* PAE */
	movl %eax, %cr4
	movl $PA(boot_pml4), %eax
	movl %eax, %cr3

	/* EFER: long mode, and no-execute if the CPU has it. */
	movl $0x80000001, %eax
	cpuid
	movl $0x100, %edi		/* LME */
	btl $20, %edx
	jnc 4f
	orl $0x800, %edi		/* NXE */
4:	movl $0xC0000080, %ecx
	rdmsr
	orl %edi, %eax
	wrmsr

	movl %cr0, %eax
	orl $0x80010001, %eax		/* PG, WP, PE */
	movl %eax, %cr0
	ljmp $0x18, $PA(long_mode)

	.code64
long_mode:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	xorl %eax, %eax
	movl %eax, %fs
	movl %eax, %gs
	movabsq $high_half, %rax
	jmp *%rax

	.text
high_half:
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp			/* the backtrace stops here */
	movl %esi, %edi			/* kmain(start info physical address) */
	call kmain
5:	cli
	hlt
	jmp 5b

	.section .boot.data, "a"
	.align 16
boot_gdt:
	BOOT_GDT_ENTRIES
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.long PA(boot_gdt)

	.bss
	.align 4096
	.global boot_pml4
boot_pml4:	.skip 4096
boot_pdpt_low:	.skip 4096
boot_pdpt_high:	.skip 4096
boot_pd:	.skip 4 * 4096
	.global boot_stack, boot_stack_top
boot_stack:	.skip 16384
boot_stack_top:
