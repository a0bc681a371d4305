/*
 * Backtraces walk the frame-pointer chain (the kernel is built with
 * -fno-omit-frame-pointer): [rbp] is the caller's rbp, [rbp+8] the return
 * address. Entry code zeroes rbp, which ends the walk.
 */
#include "arch.h"
#include "interrupts.h"
#include "kernel.h"
#include "ksyms.h"
#include "paging.h"
#include "trap.h"

/* A frame we can read without faulting: kernel half, aligned, mapped in
 * the page table in use (which may still be boot.S's). */
static bool plausible_frame(uint64_t rbp)
{
	uint64_t *pml4 = phys_to_virt(read_cr3() & PTE_ADDR);
	return rbp >= DIRECT_MAP && !(rbp & 7) && rbp < 0xfffffffffffff000UL &&
	       pt_translate(pml4, rbp) != (paddr_t)-1 && pt_translate(pml4, rbp + 8) != (paddr_t)-1;
}

void arch_backtrace(uint64_t rbp)
{
	char name[128];
	uint64_t last = 0;
	int repeats = 0;
	for (int depth = 0; depth < 64 && plausible_frame(rbp); depth++) {
		uint64_t ret = ((uint64_t *)rbp)[1];
		if (ret < KERNEL_VMA)
			break;
		rbp = ((uint64_t *)rbp)[0];
		if (ret == last) {	/* deep recursion: say how deep, not every frame */
			repeats++;
			continue;
		}
		if (repeats)
			printk(KERN_EMERG "    ... the same %d more times\n", repeats);
		repeats = 0;
		last = ret;
		ksyms_format(ret, name, sizeof(name));
		printk(KERN_EMERG "    [<%016lx>] %s\n", ret, name);
	}
	if (repeats)
		printk(KERN_EMERG "    ... the same %d more times\n", repeats);
}

void arch_stop_other_cpus(void)
{
	lapic_nmi_others();	/* the NMI handler halts CPUs while panicking */
}

/* NMI: during a panic, the signal to stop; otherwise worth a line in the log. */
static bool nmi_handler(struct trap_frame *tf)
{
	(void)tf;
	if (panicking)
		arch_halt_forever();
	printk(KERN_WARNING "nmi: unexpected NMI on CPU %d\n", arch_cpu_id());
	return true;
}

void nmi_init(void) { trap_set_handler(2, nmi_handler); }
