#ifndef SYSRET_PAGING_H
#define SYSRET_PAGING_H
/* x86-64 4-level page tables. */
#include "types.h"

#define PTE_P		(1UL << 0)
#define PTE_W		(1UL << 1)
#define PTE_U		(1UL << 2)
#define PTE_PWT		(1UL << 3)
#define PTE_PCD		(1UL << 4)
#define PTE_A		(1UL << 5)
#define PTE_D		(1UL << 6)
#define PTE_PS		(1UL << 7)
#define PTE_G		(1UL << 8)
#define PTE_NX		(1UL << 63)
/* Software bit (ignored by the CPU): a PROT_NONE page, not present but still
 * holding its frame, so mprotect can give access back. */
#define PTE_PROTNONE	(1UL << 9)
#define PTE_ADDR	0x000ffffffffff000UL

#define PF_PRESENT	(1 << 0)	/* page-fault error code bits */
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
#define PF_RSVD		(1 << 3)
#define PF_INSTR	(1 << 4)

extern uint64_t *kernel_pml4;		/* the kernel half every address space shares */
extern paddr_t kernel_pml4_phys;

int pt_map(uint64_t *pml4, uintptr_t va, paddr_t pa, uint64_t flags);
paddr_t pt_unmap(uint64_t *pml4, uintptr_t va);	/* returns the frame, 0 if none */
uint64_t *pt_lookup(uint64_t *pml4, uintptr_t va);	/* the 4 KiB PTE, or NULL */
paddr_t pt_translate(uint64_t *pml4, uintptr_t va);	/* -1 if unmapped */
uint64_t pt_flags_nx(void);		/* PTE_NX if the CPU has NX, else 0 */
void tlb_flush_all(void);		/* this CPU, global entries too */

typedef void (*pt_visit_fn)(uint64_t *pte, uintptr_t va, void *arg);
uint64_t *pt_pte(uint64_t *pml4, uintptr_t va, bool create);	/* user half */
/* Calls fn for every 4 KiB PTE holding a frame (present, or PROT_NONE). */
void pt_range(uint64_t *pml4, uintptr_t start, uintptr_t end, pt_visit_fn fn, void *arg);
void pt_free_user_tables(uint64_t *pml4);
void page_zero(void *page);		/* rep stosq: 512 iterations, not 4096 */
void page_copy(void *dst, const void *src);

#endif
