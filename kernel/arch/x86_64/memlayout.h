#ifndef SYSRET_MEMLAYOUT_H
#define SYSRET_MEMLAYOUT_H
/*
 * The kernel half of every address space:
 *   0xffff800000000000  direct map of physical memory (PML4 slot 256 on)
 *   0xffffff0000000000  vmalloc area: stacks with guard pages, big kmallocs, MMIO (slot 510)
 *   0xffffffff80000000  the kernel image, linked here, loaded at 1 MiB (slot 511)
 * The user half, 0 .. 0x00007fffffffffff, belongs to processes.
 */
#ifdef __ASSEMBLER__
#define _UL(x)	x
#else
#define _UL(x)	x##UL
#endif
#define KERNEL_VMA	_UL(0xffffffff80000000)
#define KERNEL_PHYS	_UL(0x100000)
#define DIRECT_MAP	_UL(0xffff800000000000)
#define VMALLOC_BASE	_UL(0xffffff0000000000)
#define VMALLOC_SIZE	(_UL(256) << 20)
#define USER_TOP	_UL(0x0000800000000000)

/* The AP start-up trampoline is copied here: below 1 MiB, page aligned (SIPI vector 8). */
#define TRAMPOLINE_PHYS	_UL(0x8000)

#ifndef __ASSEMBLER__
#include "types.h"
static inline void *phys_to_virt(paddr_t pa) { return (void *)(pa + DIRECT_MAP); }
paddr_t virt_to_phys(const void *va);
#endif

#endif
