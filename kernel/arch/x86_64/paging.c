/*
 * Page tables and the kernel's own address space.
 *
 * mem_init() turns the boot protocol's memory map into the frame allocator,
 * then replaces boot.S's throwaway tables with the real ones: a direct map
 * of physical memory (2 MiB pages where possible, never executable), the
 * kernel image with per-section permissions (text RX, rodata R, data RW),
 * and every PML4 slot of the kernel half filled, so later address spaces
 * can share the kernel half by copying 256 entries.
 */
#include "arch.h"
#include "boot.h"
#include "errno.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "string.h"

uint64_t *kernel_pml4;
paddr_t kernel_pml4_phys;

extern char __kernel_start[], __text_end[], __rodata_end[], __kernel_end[];

#define KPHYS(sym)	((paddr_t)(sym) - KERNEL_VMA)
#define LARGE		(2UL << 20)

uint64_t pt_flags_nx(void) { return cpu_features.nx ? PTE_NX : 0; }

static int index_of(uintptr_t va, int level) { return (va >> (12 + 9 * level)) & 511; }

/* The table the entry points to, made if missing (and create is set). */
static uint64_t *next_table(uint64_t *entry, bool create, uint64_t flags)
{
	if (*entry & PTE_P) {
		KASSERT(!(*entry & PTE_PS));
		return phys_to_virt(*entry & PTE_ADDR);
	}
	if (!create)
		return NULL;
	paddr_t pa = frame_alloc();
	if (!pa)
		return NULL;
	memset(phys_to_virt(pa), 0, PAGE_SIZE);
	*entry = pa | PTE_P | PTE_W | (flags & PTE_U);
	return phys_to_virt(pa);
}

/* The entry at `level` (0 = PT) for va, walking down from the PML4. */
static uint64_t *walk(uint64_t *pml4, uintptr_t va, int level, bool create, uint64_t flags)
{
	uint64_t *table = pml4;
	for (int l = 3; l > level; l--) {
		table = next_table(&table[index_of(va, l)], create, flags);
		if (!table)
			return NULL;
	}
	return &table[index_of(va, level)];
}

int pt_map(uint64_t *pml4, uintptr_t va, paddr_t pa, uint64_t flags)
{
	uint64_t *pte = walk(pml4, va, 0, true, flags);
	if (!pte)
		return -ENOMEM;
	*pte = pa | flags | PTE_P;
	return 0;
}

static int pt_map_large(uint64_t *pml4, uintptr_t va, paddr_t pa, uint64_t flags)
{
	uint64_t *pde = walk(pml4, va, 1, true, flags);
	if (!pde)
		return -ENOMEM;
	KASSERT(!(*pde & PTE_P));
	*pde = pa | flags | PTE_P | PTE_PS;
	return 0;
}

uint64_t *pt_lookup(uint64_t *pml4, uintptr_t va)
{
	uint64_t *pde = walk(pml4, va, 1, false, 0);
	if (!pde || !(*pde & PTE_P) || (*pde & PTE_PS))
		return NULL;
	return &((uint64_t *)phys_to_virt(*pde & PTE_ADDR))[index_of(va, 0)];
}

paddr_t pt_unmap(uint64_t *pml4, uintptr_t va)
{
	uint64_t *pte = pt_lookup(pml4, va);
	if (!pte || !(*pte & PTE_P))
		return 0;
	paddr_t pa = *pte & PTE_ADDR;
	*pte = 0;
	invlpg(va);
	return pa;
}

paddr_t pt_translate(uint64_t *pml4, uintptr_t va)
{
	uint64_t *pde = walk(pml4, va, 1, false, 0);
	if (!pde || !(*pde & PTE_P))
		return (paddr_t)-1;
	if (*pde & PTE_PS)
		return (*pde & PTE_ADDR & ~(LARGE - 1)) + (va & (LARGE - 1));
	uint64_t pte = ((uint64_t *)phys_to_virt(*pde & PTE_ADDR))[index_of(va, 0)];
	return (pte & PTE_P) ? (pte & PTE_ADDR) + (va & 0xFFF) : (paddr_t)-1;
}

paddr_t virt_to_phys(const void *p)
{
	uintptr_t va = (uintptr_t)p;
	if (va >= KERNEL_VMA)
		return va - KERNEL_VMA;
	if (va >= DIRECT_MAP && va < VMALLOC_BASE)
		return va - DIRECT_MAP;
	return pt_translate(kernel_pml4, va);
}

void tlb_flush_all(void)
{
	uint64_t cr4 = read_cr4();
	if (cr4 & CR4_PGE) {		/* toggling PGE drops global entries too */
		write_cr4(cr4 & ~CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

/* Maps [pa, pa+len) at va, with 2 MiB pages where both are aligned. */
static void map_range(uintptr_t va, paddr_t pa, uint64_t len, uint64_t flags)
{
	uint64_t end = pa + len;
	while (pa < end) {
		int err;
		if (!(va & (LARGE - 1)) && !(pa & (LARGE - 1)) && end - pa >= LARGE) {
			err = pt_map_large(kernel_pml4, va, pa, flags);
			va += LARGE, pa += LARGE;
		} else {
			err = pt_map(kernel_pml4, va, pa, flags);
			va += PAGE_SIZE, pa += PAGE_SIZE;
		}
		if (err)
			panic("mem: out of memory building the kernel page tables");
	}
}

/* ---- the frame table and what it must not hand out ---- */

struct range { paddr_t start, end; };

static int reserved_ranges(struct range *r, paddr_t table, size_t table_size)
{
	int n = 0;
	r[n++] = (struct range){ 0, 0x100000 };	/* firmware, boot data, AP trampoline */
	r[n++] = (struct range){ KPHYS(__kernel_start), KPHYS(__kernel_end) };
	if (boot_info.initrd_phys)
		r[n++] = (struct range){ boot_info.initrd_phys,
					 boot_info.initrd_phys + boot_info.initrd_size };
	if (table_size)
		r[n++] = (struct range){ table, table + table_size };
	return n;
}

static bool overlaps(paddr_t s, paddr_t e, const struct range *r, int n, paddr_t *skip_to)
{
	for (int i = 0; i < n; i++)
		if (s < r[i].end && r[i].start < e) {
			*skip_to = r[i].end;
			return true;
		}
	return false;
}

/* A place for the frame table: RAM below 4 GiB (boot.S maps only that), clear of the rest. */
static paddr_t place_frame_table(size_t size)
{
	struct range r[4];
	int n = reserved_ranges(r, 0, 0);
	for (int i = 0; i < boot_info.nregions; i++) {
		const struct mem_region *m = &boot_info.regions[i];
		if (m->type != MEM_RAM)
			continue;
		paddr_t s = ALIGN_UP(m->base, PAGE_SIZE), skip;
		while (s + size <= m->base + m->size && s + size <= (4UL << 30)) {
			if (!overlaps(s, s + size, r, n, &skip))
				return s;
			s = ALIGN_UP(skip, PAGE_SIZE);
		}
	}
	panic("mem: no room for the frame table (%zu bytes)", size);
}

/* Frees RAM [s, e) minus the reserved ranges. */
static void free_ram(paddr_t s, paddr_t e, const struct range *r, int n)
{
	paddr_t skip;
	while (s < e) {
		paddr_t t = e;
		for (int i = 0; i < n; i++)
			if (r[i].start > s && r[i].start < t)
				t = r[i].start;
		if (overlaps(s, t, r, n, &skip)) {
			s = skip;
			continue;
		}
		frame_add_free_range(s, t);
		s = t;
	}
}

static void frames_init(void)
{
	paddr_t top = 0;
	for (int i = 0; i < boot_info.nregions; i++)
		if (boot_info.regions[i].type == MEM_RAM)
			top = MAX(top, boot_info.regions[i].base + boot_info.regions[i].size);
	uint64_t n = top >> PAGE_SHIFT;
	size_t size = ALIGN_UP(n * sizeof(struct frame), PAGE_SIZE);
	paddr_t table = place_frame_table(size);
	frame_setup(phys_to_virt(table), n);
	struct range r[4];
	int nr = reserved_ranges(r, table, size);
	/* Highest regions first: the free list is LIFO, so low memory, which
	 * boot.S has mapped, is handed out first, to the new page tables. */
	for (int i = boot_info.nregions; i-- > 0;)
		if (boot_info.regions[i].type == MEM_RAM)
			free_ram(boot_info.regions[i].base,
				 boot_info.regions[i].base + boot_info.regions[i].size, r, nr);
}

static void map_kernel_image(void)
{
	uint64_t nx = pt_flags_nx();
	for (uintptr_t va = (uintptr_t)__kernel_start; va < (uintptr_t)__kernel_end; va += PAGE_SIZE) {
		uint64_t flags = PTE_G;
		if (va >= (uintptr_t)__text_end)
			flags |= nx;
		if (va >= (uintptr_t)__rodata_end)
			flags |= PTE_W;
		if (pt_map(kernel_pml4, va, va - KERNEL_VMA, flags))
			panic("mem: out of memory mapping the kernel");
	}
}

static void map_direct(void)
{
	uint64_t flags = PTE_W | PTE_G | pt_flags_nx();
	map_range(DIRECT_MAP, 0, 0x100000, flags);
	for (int i = 0; i < boot_info.nregions; i++) {
		const struct mem_region *m = &boot_info.regions[i];
		if (m->type != MEM_RAM && m->type != MEM_ACPI && m->type != MEM_NVS)
			continue;
		paddr_t s = MAX(ALIGN_DOWN(m->base, PAGE_SIZE), 0x100000UL);
		paddr_t e = ALIGN_UP(m->base + m->size, PAGE_SIZE);
		if (s < e)
			map_range(DIRECT_MAP + s, s, e - s, flags);
	}
}

void mem_init(void)
{
	frames_init();
	kernel_pml4_phys = frame_alloc();
	kernel_pml4 = phys_to_virt(kernel_pml4_phys);
	memset(kernel_pml4, 0, PAGE_SIZE);
	for (int i = 256; i < 512; i++)		/* the shared kernel half, all of it */
		next_table(&kernel_pml4[i], true, 0);
	map_direct();
	map_kernel_image();
	write_cr3(kernel_pml4_phys);
	printk(KERN_INFO "mem: %lu MiB usable, %lu frames free, kernel %lu KiB\n",
	       frame_total_count() >> 8, frame_free_count(),
	       (uint64_t)(__kernel_end - __kernel_start) >> 10);
}

/* ---- walking a process's half ---- */

uint64_t *pt_pte(uint64_t *pml4, uintptr_t va, bool create)
{
	return walk(pml4, va, 0, create, PTE_U);
}

/* Visits only the entries that overlap [start, end) (base < end): at the
 * top level, a small process touches a handful of its 512 slots. */
static void range_level(uint64_t *table, int level, uintptr_t base, uintptr_t start,
			uintptr_t end, pt_visit_fn fn, void *arg)
{
	int shift = 12 + 9 * level;
	int first = start > base ? (start - base) >> shift : 0;
	int last = MIN((end - 1 - base) >> shift, 511UL);
	for (int i = first; i <= last; i++) {
		uintptr_t lo = base + ((uintptr_t)i << shift);
		if (level == 0) {
			if (table[i] & (PTE_P | PTE_PROTNONE))
				fn(&table[i], lo, arg);
		} else if (table[i] & PTE_P) {
			range_level(phys_to_virt(table[i] & PTE_ADDR), level - 1, lo, start, end, fn, arg);
		}
	}
}

/* Calls fn on every present 4 KiB PTE of the user half within [start, end). */
void pt_range(uint64_t *pml4, uintptr_t start, uintptr_t end, pt_visit_fn fn, void *arg)
{
	end = MIN(end, USER_TOP);
	if (start < end)
		range_level(pml4, 3, 0, start, end, fn, arg);
}

/* The index of the first non-zero entry of table at or after i, or 512.
 * NOTE: repe scasq, because a process's upper tables are nearly empty (one
 * or two entries of 512 used): the scan costs one instruction an entry. */
static int next_used(const uint64_t *table, int i)
{
	if (i >= 512)
		return 512;
	const uint64_t *p = table + i;
	uint64_t n = 512 - i;
	bool all_zero;
	__asm__ volatile("repe scasq" : "+D"(p), "+c"(n), "=@ccz"(all_zero) : "a"(0UL) : "memory");
	return all_zero ? 512 : (int)(p - table) - 1;
}

/* Frees the tables below table's entries [0, n) (upper levels hold only
 * present entries or zeroes). */
static void free_level(uint64_t *table, int n, int level)
{
	for (int i = next_used(table, 0); i < n; i = next_used(table, i + 1)) {
		if (level > 1)
			free_level(phys_to_virt(table[i] & PTE_ADDR), 512, level - 1);
		frame_unref(table[i] & PTE_ADDR);
		table[i] = 0;
	}
}

/* Frees the user half's page tables (the pages they map must be gone). */
void pt_free_user_tables(uint64_t *pml4)
{
	free_level(pml4, 256, 3);
}

void page_zero(void *page)
{
	uint64_t n = PAGE_SIZE / 8;
	__asm__ volatile("rep stosq" : "+D"(page), "+c"(n) : "a"(0UL) : "memory");
}

void page_copy(void *dst, const void *src)
{
	uint64_t n = PAGE_SIZE / 8;
	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}
