#ifndef SYSRET_ARCH_H
#define SYSRET_ARCH_H
/* The one header portable kernel code includes to reach the machine. */
#include "cpu.h"
#include "memlayout.h"
#include "x86.h"

static inline bool arch_irqs_enabled(void) { return read_rflags() & RFLAGS_IF; }
static inline void arch_irq_disable(void) { cli(); }
static inline void arch_irq_enable(void) { sti(); }
static inline int arch_cpu_id(void) { return this_cpu()->id; }
static inline void arch_relax(void) { cpu_relax(); }

struct proc;
/* The process running on this CPU: one load, %gs:24 (struct cpu's cur_proc).
 * volatile: it changes under the compiler's feet in a context switch. */
static inline struct proc *arch_current(void)
{
	struct proc *p;
	__asm__ volatile("mov %%gs:24, %0" : "=r"(p));
	return p;
}

/* Halt this CPU for good, interrupts off. */
__attribute__((noreturn)) void arch_halt_forever(void);
/* Stop the other CPUs (NMI), for panic. */
void arch_stop_other_cpus(void);
__attribute__((noreturn)) void arch_reset(void);
__attribute__((noreturn)) void arch_power_off(void);
/* Monotonic time since boot. */
uint64_t arch_clock_ns(void);
/* The frame-pointer chain, for backtraces. */
void arch_backtrace(uint64_t rbp);

#endif
