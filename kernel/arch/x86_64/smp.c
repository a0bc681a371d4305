/*
 * Symmetric multiprocessing: start every CPU the MADT lists, one at a time
 * (INIT-SIPI-SIPI into the trampoline), and run work on all of them.
 * Each AP sets up its own GDT, TSS, IDT, GS area, LAPIC and timer, says it
 * is online, and idles with interrupts on.
 */
#include "acpi.h"
#include "arch.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "proc.h"
#include "smp.h"
#include "spinlock.h"
#include "string.h"

#define AP_STACK_SIZE	16384

extern char trampoline_start[], trampoline_end[];
extern char tramp_cr3[], tramp_efer[], tramp_stack[], tramp_entry[];

/* The page table APs start on: the low 2 MiB identity-mapped, plus the kernel half. */
static uint64_t ap_pml4[512] __attribute__((aligned(4096)));
static uint64_t ap_pdpt[512] __attribute__((aligned(4096)));
static uint64_t ap_pd[512] __attribute__((aligned(4096)));

static void call_interrupt(struct trap_frame *tf);
static volatile int calls_pending;
static volatile int ap_starting;		/* the index of the AP being started */

static void *tramp_field(char *sym)
{
	return (char *)phys_to_virt(TRAMPOLINE_PHYS) + (sym - trampoline_start);
}

__attribute__((noreturn)) static void ap_main(void)
{
	struct cpu *c = &cpus[ap_starting];	/* APs start one at a time */
	write_cr3(kernel_pml4_phys);
	cpu_init_this(c);
	sched_init_this_cpu();
	lapic_init_this();
	timer_start_this();
	__atomic_add_fetch(&ncpus_online, 1, __ATOMIC_SEQ_CST);
	c->online = true;
	sched_idle_loop();
}

static void trampoline_setup(void)
{
	ap_pml4[0] = virt_to_phys(ap_pdpt) | PTE_P | PTE_W;
	ap_pdpt[0] = virt_to_phys(ap_pd) | PTE_P | PTE_W;
	ap_pd[0] = 0 | PTE_P | PTE_W | PTE_PS;
	memcpy(&ap_pml4[256], &kernel_pml4[256], 256 * sizeof(uint64_t));
	memcpy(phys_to_virt(TRAMPOLINE_PHYS), trampoline_start, trampoline_end - trampoline_start);
	*(uint32_t *)tramp_field(tramp_cr3) = virt_to_phys(ap_pml4);
	*(uint32_t *)tramp_field(tramp_efer) = EFER_LME | (cpu_features.nx ? EFER_NXE : 0);
	*(uint64_t *)tramp_field(tramp_entry) = (uint64_t)ap_main;
}

static bool start_ap(int i)
{
	uint8_t *stack = vmalloc_stack(AP_STACK_SIZE);
	if (!stack)
		return false;
	cpus[i].id = i;
	ap_starting = i;
	cpus[i].kernel_rsp = (uint64_t)stack + AP_STACK_SIZE;
	/* ap_main is entered by a jump: leave room as if a call had pushed a return address. */
	*(uint64_t *)tramp_field(tramp_stack) = cpus[i].kernel_rsp - 8;
	lapic_send_init_sipi(cpus[i].apic_id, TRAMPOLINE_PHYS >> 12);
	for (int ms = 0; ms < 1000 && !READ_ONCE(cpus[i].online); ms++)
		udelay(1000);
	return READ_ONCE(cpus[i].online);
}

void smp_boot_aps(void)
{
	irq_register(VEC_IPI_CALL, call_interrupt);
	trampoline_setup();
	for (int i = 1; i < ncpus; i++)
		if (!start_ap(i))
			printk(KERN_ERR "smp: CPU %d (APIC %u) did not come up\n", i, cpus[i].apic_id);
}

static void call_interrupt(struct trap_frame *tf)
{
	(void)tf;
	struct cpu *c = this_cpu();
	void (*fn)(void *) = c->call_fn;
	if (fn) {
		fn(c->call_arg);
		c->call_fn = NULL;
		__atomic_sub_fetch(&calls_pending, 1, __ATOMIC_SEQ_CST);
	}
}

/*
 * One smp_call_all runs at a time. Callers wait for the lock with interrupts
 * on, so a waiting caller still answers the running one's IPI; the caller
 * must hold no other lock, since the targets may be spinning on it.
 */
void smp_call_all(void (*fn)(void *), void *arg)
{
	static struct spinlock call_lock = SPINLOCK_INIT("smp call");
	while (!spin_trylock(&call_lock))
		cpu_relax();
	int me = arch_cpu_id();
	for (int i = 0; i < ncpus; i++) {
		if (i == me || !cpus[i].online)
			continue;
		cpus[i].call_arg = arg;
		cpus[i].call_fn = fn;
		__atomic_add_fetch(&calls_pending, 1, __ATOMIC_SEQ_CST);
		lapic_send_ipi(cpus[i].apic_id, VEC_IPI_CALL);
	}
	fn(arg);
	while (READ_ONCE(calls_pending))
		cpu_relax();
	spin_unlock(&call_lock);
}

static void flush_here(void *arg)
{
	(void)arg;
	tlb_flush_all();
}

void smp_tlb_flush_all(void)
{
	if (ncpus_online > 1)
		smp_call_all(flush_here, NULL);
	else
		tlb_flush_all();
}
