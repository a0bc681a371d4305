/*
 * The vmalloc area: virtually contiguous kernel memory made of single
 * frames, for kernel stacks and big buffers, and uncached windows on MMIO.
 * Each allocation is preceded by an unmapped guard page, so running off the
 * bottom of a stack is a page fault (then a double fault on its IST stack),
 * not silent corruption.
 *
 * Virtual pages are handed out next-fit and not reused until the cursor
 * wraps; at the wrap every CPU flushes its TLB once, which is all the TLB
 * shootdown freed ranges ever need.
 */
#include "arch.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "smp.h"
#include "spinlock.h"

#define NPAGES	(VMALLOC_SIZE / PAGE_SIZE)

static struct spinlock vm_lock = SPINLOCK_INIT("vmalloc");
static uint64_t used[NPAGES / 64];	/* guarded by vm_lock: 1 = taken (guards too) */
static uint32_t length[NPAGES];		/* pages mapped, at an allocation's first page */
static uint64_t cursor;

static bool page_used(uint64_t i) { return used[i / 64] >> (i % 64) & 1; }
static void mark(uint64_t i, uint64_t n, bool on)
{
	for (; n--; i++) {
		if (on)
			used[i / 64] |= 1UL << (i % 64);
		else
			used[i / 64] &= ~(1UL << (i % 64));
	}
}

/* Finds n free pages next-fit; sets *wrapped if the cursor went round. */
static int64_t range_alloc(uint64_t n, bool *wrapped)
{
	spin_lock(&vm_lock);
	for (uint64_t tries = 0; tries < 2; tries++) {
		for (uint64_t i = cursor, run = 0; i < NPAGES; i++) {
			run = page_used(i) ? 0 : run + 1;
			if (run == n) {
				uint64_t start = i + 1 - n;
				mark(start, n, true);
				cursor = i + 1;
				spin_unlock(&vm_lock);
				return start;
			}
		}
		cursor = 0;
		*wrapped = true;
	}
	spin_unlock(&vm_lock);
	return -1;
}

static uintptr_t page_va(uint64_t i) { return VMALLOC_BASE + i * PAGE_SIZE; }

/* All the area's page tables exist from the start: mapping never allocates
 * one, and freeing leaves no table behind (so frame counts come back). */
void vmalloc_init(void)
{
	for (uint64_t i = 0; i < NPAGES; i += 512) {
		if (pt_map(kernel_pml4, page_va(i), 0, 0))
			panic("vmalloc: out of memory for page tables");
		pt_unmap(kernel_pml4, page_va(i));
	}
}

/* Reserves guard + n pages and maps each of the n to a frame (or to MMIO at pa). */
static void *map_new(uint64_t n, paddr_t mmio, uint64_t flags)
{
	bool wrapped = false;
	int64_t g = range_alloc(n + 1, &wrapped);
	if (g < 0)
		return NULL;
	if (wrapped)
		smp_tlb_flush_all();
	for (uint64_t k = 0; k < n; k++) {
		paddr_t pa = mmio ? mmio + k * PAGE_SIZE : frame_alloc();
		if (!pa || pt_map(kernel_pml4, page_va(g + 1 + k), pa, flags)) {
			length[g + 1] = k;
			vfree((void *)page_va(g + 1));
			return NULL;
		}
	}
	length[g + 1] = n;
	return (void *)page_va(g + 1);
}

void *vmalloc(size_t size)
{
	uint64_t n = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE;
	return n ? map_new(n, 0, PTE_W | pt_flags_nx()) : NULL;
}

void *vmalloc_stack(size_t size) { return vmalloc(size); }

void *ioremap(paddr_t pa, size_t size)
{
	uint64_t off = pa & (PAGE_SIZE - 1);
	uint64_t n = ALIGN_UP(size + off, PAGE_SIZE) / PAGE_SIZE;
	char *va = map_new(n, pa - off, PTE_W | PTE_PCD | PTE_PWT | pt_flags_nx());
	return va ? va + off : NULL;
}

bool vmalloc_contains(const void *p)
{
	return (uintptr_t)p >= VMALLOC_BASE && (uintptr_t)p < VMALLOC_BASE + VMALLOC_SIZE;
}

/* Unmaps and frees an allocation; *pages gets how many pages it had. */
void vfree_counted(void *p, size_t *pages)
{
	uint64_t first = ((uintptr_t)p - VMALLOC_BASE) / PAGE_SIZE;
	KASSERT(vmalloc_contains(p) && first > 0 && page_used(first - 1));
	uint64_t n = length[first];
	for (uint64_t k = 0; k < n; k++) {
		paddr_t pa = pt_unmap(kernel_pml4, page_va(first + k));
		if (pa)
			frame_unref(pa);
	}
	spin_lock(&vm_lock);
	length[first] = 0;
	mark(first - 1, n + 1, false);
	spin_unlock(&vm_lock);
	*pages = n;
}

void vfree(void *p)
{
	size_t n;
	if (p)
		vfree_counted(p, &n);
}
