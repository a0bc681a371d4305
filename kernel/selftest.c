/*
 * In-kernel self-tests (boot option "selftest"). They show the lecture's
 * exception classes on the real CPU: a trap resumes at the next instruction,
 * a fault the handler fixes re-executes the same instruction, a fault nobody
 * fixes is an oops. Then the allocators, the timers and the locks on every
 * CPU. Each test prints PASS or FAIL with what it measured.
 */
#include "arch.h"
#include "boot.h"
#include "console.h"
#include "context.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "selftest.h"
#include "smp.h"
#include "spinlock.h"
#include "string.h"
#include "trap.h"

static int passed, failed;

__attribute__((format(printf, 2, 3)))
static void check(bool ok, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_WARNING "selftest: %s %s\n", ok ? "PASS" : "FAIL", msg);
	if (ok)
		passed++;
	else
		failed++;
}

/* ---- trap: int3 resumes at the next instruction ---- */

static volatile uint64_t bp_rip;

static bool bp_handler(struct trap_frame *tf)
{
	bp_rip = tf->rip;
	return true;
}

static void test_int3_trap(void)
{
	uint64_t at, after;
	exc_handler_t old = trap_get_handler(3);
	trap_set_handler(3, bp_handler);
	__asm__ volatile("leaq 1f(%%rip), %0\n\t"
			 "leaq 2f(%%rip), %1\n"
			 "1:\tint3\n"
			 "2:" : "=&r"(at), "=&r"(after));
	trap_set_handler(3, old);
	check(bp_rip == after && after == at + 1 && exception_table[3].resumes == RESUME_NEXT,
	      "int3-trap-resumes-next: int3 at %lx, handler saw rip %lx (%s)", at, bp_rip,
	      bp_rip == after ? "the next instruction" : "WRONG");
}

/* ---- fault: a fixed page fault re-executes the same instruction ---- */

static uintptr_t pf_page;
static volatile uint64_t pf_rip;
static volatile int pf_count;

static bool pf_fixer(struct trap_frame *tf)
{
	uintptr_t addr = read_cr2();
	if (ALIGN_DOWN(addr, PAGE_SIZE) != pf_page || pf_count++)
		return false;
	pf_rip = tf->rip;
	paddr_t pa = frame_alloc();
	return pa && !pt_map(kernel_pml4, pf_page, pa, PTE_W | pt_flags_nx());
}

static void test_page_fault_fixed(void)
{
	uint64_t at, value = 0x5ca1ab1e, *p = vmalloc(PAGE_SIZE);
	pf_page = (uintptr_t)p;
	frame_unref(pt_unmap(kernel_pml4, pf_page));	/* now it faults */
	exc_handler_t old = trap_get_handler(14);
	trap_set_handler(14, pf_fixer);
	__asm__ volatile("leaq 1f(%%rip), %0\n"
			 "1:\tmovq %2, (%1)" : "=&r"(at) : "r"(p), "r"(value) : "memory");
	trap_set_handler(14, old);
	check(pf_count == 1 && pf_rip == at && *p == value &&
	      exception_table[14].resumes == RESUME_SAME,
	      "page-fault-reexecutes: store at %lx faulted at rip %lx, handler mapped the page, "
	      "the same store ran again and wrote %lx", at, pf_rip, *p);
	vfree(p);
}

/* ---- an unfixed kernel fault is an oops that names the vector ---- */

enum oops_kind { OOPS_UD, OOPS_NULL_READ, OOPS_TEXT_WRITE };

static void test_oops(const char *what, const char *expect, enum oops_kind kind, int vector)
{
	struct oops_catch c = { .cpu = arch_cpu_id() };
	size_t mark = printk_log_mark();
	trap_catch_oops(&c);
	if (kind == OOPS_UD)
		__asm__ volatile("leaq 1f(%%rip), %%rax\n\t"
				 "movq %%rax, %0\n\t"
				 "ud2\n1:" : "=m"(c.resume_rip) : : "rax", "memory");
	else if (kind == OOPS_NULL_READ)
		__asm__ volatile("leaq 1f(%%rip), %%rax\n\t"
				 "movq %%rax, %0\n\t"
				 "movq 0x18, %%rax\n1:" : "=m"(c.resume_rip) : : "rax", "memory");
	else	/* kernel text is mapped read-only */
		__asm__ volatile("leaq 1f(%%rip), %%rax\n\t"
				 "movq %%rax, %0\n\t"
				 "movb $0xcc, (%1)\n1:" : "=m"(c.resume_rip) : "r"(selftest_run)
				 : "rax", "memory");
	trap_catch_oops(NULL);
	check(c.vector == (uint64_t)vector && printk_log_contains(mark, expect),
	      "oops-%s: the oops above names \"%s\"", what, expect);
}

/* ---- the direct map covers all of RAM ---- */

static void test_direct_map(void)
{
	uint64_t checked = 0, wrong = 0, top = 0;
	for (int i = 0; i < boot_info.nregions; i++) {
		const struct mem_region *m = &boot_info.regions[i];
		if (m->type != MEM_RAM)
			continue;
		for (paddr_t pa = m->base; pa < m->base + m->size; pa += MIN(1UL << 20, m->base + m->size - pa)) {
			paddr_t probe = pa + (1UL << 20) <= m->base + m->size ? pa : m->base + m->size - 1;
			if (pt_translate(kernel_pml4, (uintptr_t)phys_to_virt(probe)) != probe)
				wrong++;
			else
				(void)*(volatile char *)phys_to_virt(probe);
			checked++;
		}
		top = MAX(top, m->base + m->size);
	}
	check(checked && !wrong, "direct-map: %lu probes, every MiB of RAM up to 0x%lx, "
	      "%lu not mapped at DIRECT_MAP + its address", checked, top, wrong);
}

/* ---- an FPU area from recycled memory loads (regression: XRSTOR #GP) ---- */

static void test_fpu_area_from_dirty_memory(void)
{
	size_t size = cpu_features.fpu_state_size;
	void *keep = kmalloc(size);	/* keeps the slab, so the block is not a fresh zeroed page */
	uint8_t *dirty = kmalloc(size);
	memset(dirty, 0xff, size);
	kfree(dirty);
	uint8_t *area = fpu_alloc();	/* most likely the same block again */
	int reused = area == dirty, nonzero = 0;
	for (int i = 512; cpu_features.xsave && i < 576; i++)
		nonzero += i >= 520 && area[i];	/* the header past XSTATE_BV */
	fpu_save(area);
	fpu_restore(area);		/* faulted here when the header kept old bytes */
	fpu_free(area);
	kfree(keep);
	check(!nonzero, "fpu-area: an area on %s memory has a clean XSAVE header and loads",
	      reused ? "recycled 0xff" : "fresh");
}

/* ---- allocators return to their starting counts ---- */

static uint32_t lcg(uint32_t *s) { return *s = *s * 1103515245 + 12345; }

static void test_alloc_churn(void)
{
	uint64_t frames0 = frame_free_count(), heap0 = kheap_bytes_in_use();
	static void *ptrs[1024];
	uint32_t seed = 42;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 1024; i++) {
			size_t size = (lcg(&seed) >> 8) % (round == 3 ? 12000 : 2048) + 1;
			ptrs[i] = kmalloc(size);
			KASSERT(ptrs[i]);
			memset(ptrs[i], i, size);
		}
		for (int i = 0; i < 1024; i++) {	/* free in a scrambled order */
			int j = (i * 389) % 1024;
			kfree(ptrs[j]);
		}
	}
	paddr_t f = frame_alloc();
	frame_ref(f);
	bool shared = frame_refcount(f) == 2;
	frame_unref(f);
	frame_unref(f);
	check(frame_free_count() == frames0 && kheap_bytes_in_use() == heap0 && shared,
	      "alloc-churn: 4096 kmallocs up to 12000 bytes freed; free frames %lu -> %lu, "
	      "heap bytes %lu -> %lu, refcount 2 after frame_ref", frames0, frame_free_count(),
	      heap0, kheap_bytes_in_use());
}

/* ---- timers tick on every CPU ---- */

static void test_timers(void)
{
	uint64_t before[MAX_CPUS];
	for (int i = 0; i < ncpus; i++)
		before[i] = READ_ONCE(cpus[i].ticks);
	udelay(300000);
	int ticking = 0;
	uint64_t min = UINT64_MAX;
	for (int i = 0; i < ncpus; i++) {
		uint64_t d = READ_ONCE(cpus[i].ticks) - before[i];
		if (cpus[i].online && d >= 3)
			ticking++;
		min = MIN(min, d);
	}
	check(ticking == ncpus, "timers-all-cpus: %d of %d CPUs took timer interrupts in 300 ms "
	      "(at least %lu each, %d expected at %d Hz)", ticking, ncpus, min,
	      30, 100);
}

/* ---- spinlocks hold under contention from every CPU ---- */

#define LOCK_ROUNDS	20000
static struct spinlock test_lock = SPINLOCK_INIT("selftest");
static volatile uint64_t shared_counter;
static volatile int arrived;

static void contend(void *use_lock)
{
	__atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
	while (READ_ONCE(arrived) < ncpus_online)	/* start together */
		cpu_relax();
	for (int i = 0; i < LOCK_ROUNDS; i++) {
		if (use_lock)
			spin_lock(&test_lock);
		shared_counter = shared_counter + 1;	/* a read, then a write: racy alone */
		if (use_lock)
			spin_unlock(&test_lock);
	}
}

static void test_spinlock(void)
{
	uint64_t want = (uint64_t)ncpus_online * LOCK_ROUNDS;
	shared_counter = 0, arrived = 0;
	smp_call_all(contend, NULL);
	uint64_t unlocked = shared_counter;
	shared_counter = 0, arrived = 0;
	smp_call_all(contend, (void *)1);
	spin_lock(&test_lock);
	bool recursion_refused = !spin_trylock(&test_lock);
	spin_unlock(&test_lock);
	check(shared_counter == want && recursion_refused,
	      "spinlock-contention: %d CPUs x %d locked increments = %lu (want %lu; "
	      "without the lock: %lu); trylock of a held lock refused", ncpus_online, LOCK_ROUNDS,
	      shared_counter, want, unlocked);
}

/* ---- the serial port's receive interrupt ---- */

static void test_serial_rx(void)
{
	uint64_t before = console_rx_count();
	printk(KERN_WARNING "selftest: serial: press a key\n");
	uint64_t end = arch_clock_ns() + 20000000000ULL;
	while (console_rx_count() == before && arch_clock_ns() < end)
		hlt();
	int c = console_getc_nonblock();
	check(c >= 0, "serial-rx-interrupt: received 0x%02x through IRQ 4 and the IOAPIC", c & 0xff);
	while (console_getc_nonblock() >= 0)
		;
}

void selftest_run(void)
{
	printk(KERN_WARNING "selftest: running on %d CPUs\n", ncpus_online);
	test_int3_trap();
	test_page_fault_fixed();
	test_oops("ud", "#UD Invalid Opcode (fault)", OOPS_UD, 6);
	test_oops("pf", "page not present, read, kernel mode", OOPS_NULL_READ, 14);
	test_oops("text-read-only", "protection violation, write, kernel mode", OOPS_TEXT_WRITE, 14);
	test_direct_map();
	test_fpu_area_from_dirty_memory();
	test_alloc_churn();
	test_timers();
	test_spinlock();
	test_serial_rx();
	printk(KERN_WARNING "selftest: %d passed, %d failed\n", passed, failed);
}

/* ---- deliberate crashes, for the boot tests of the oops and panic paths ---- */

__attribute__((noinline)) static int overflow_stack(int depth)
{
	volatile char pad[512];
	pad[0] = depth;
	return depth < 1000000000 ? overflow_stack(depth + 1) + pad[0] : 0;
}

/* Addresses the compiler must not reason about. */
static volatile uintptr_t low_addr = 0x10, noncanonical = 0x8000000000000000UL;

void selftest_crash(const char *kind)
{
	printk(KERN_WARNING "crash: provoking \"%s\" on purpose\n", kind);
	if (!strcmp(kind, "pf"))
		*(volatile uint64_t *)low_addr = 1;
	else if (!strcmp(kind, "ud"))
		__asm__ volatile("ud2");
	else if (!strcmp(kind, "de"))
		__asm__ volatile("xorl %%ecx, %%ecx; divl %%ecx" : : : "eax", "ecx", "edx");
	else if (!strcmp(kind, "gp"))
		*(volatile uint64_t *)noncanonical = 1;
	else if (!strcmp(kind, "lock")) {
		static struct spinlock l = SPINLOCK_INIT("crash");
		spin_lock(&l);
		spin_lock(&l);
	} else if (!strcmp(kind, "df")) {
		/* Run off the bottom of a guarded stack: the page fault cannot push its
		 * frame there, so the CPU raises a double fault on its own IST stack. */
		char *stack = vmalloc_stack(16384);
		__asm__ volatile("movq %0, %%rsp; call *%1" : : "r"(stack + 16384), "r"(overflow_stack),
				 "D"(0) : "memory");
	}
	panic("crash=%s: unknown kind, or the fault did not happen", kind);
}
