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

/* A frame we can read without faulting: kernel half, aligned, mapped. */
static bool plausible_frame(uint64_t rbp)
{
	return rbp >= DIRECT_MAP && !(rbp & 7) && rbp < 0xfffffffffffff000UL &&
	       pt_translate(kernel_pml4, rbp) != (paddr_t)-1 &&
	       pt_translate(kernel_pml4, rbp + 8) != (paddr_t)-1;
}

void arch_backtrace(uint64_t rbp)
{
	char name[128];
	for (int depth = 0; depth < 32 && plausible_frame(rbp); depth++) {
		uint64_t ret = ((uint64_t *)rbp)[1];
		if (ret < KERNEL_VMA)
			break;
		ksyms_format(ret, name, sizeof(name));
		printk(KERN_EMERG "    [<%016lx>] %s\n", ret, name);
		rbp = ((uint64_t *)rbp)[0];
	}
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
