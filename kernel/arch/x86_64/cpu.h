#ifndef SYSRET_CPU_H
#define SYSRET_CPU_H
/* The per-CPU area, reached through GS. */
#include "types.h"
#include "x86.h"

struct proc;

#define MAX_CPUS	64

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

/* IST slots (1-based, as the IDT gate names them). */
#define IST_DOUBLE_FAULT	1
#define IST_NMI			2
#define IST_MACHINE_CHECK	3

struct cpu {
	struct cpu *self;		/* %gs:0, so this_cpu() is one load */
	uint64_t kernel_rsp;		/* %gs:8, the syscall entry's stack (later issues) */
	uint64_t user_rsp;		/* %gs:16, scratch for the syscall entry */
	struct proc *cur_proc;		/* %gs:24, the process running here */
	volatile bool idling;		/* halted in the idle loop */
	int id;				/* index in cpus[] */
	uint32_t apic_id;
	volatile bool online;
	int irq_depth;			/* irq_push_off nesting */
	bool irq_were_on;		/* IF before the outermost irq_push_off */
	volatile uint64_t ticks;	/* timer interrupts taken */
	int in_oops;			/* nested-fault guard for the oops printer */
	int fault_signal;		/* the signal the last user fault became (trace) */
	uint64_t gdt[7];		/* null, kcode, kdata, udata, ucode, tss (2 slots) */
	struct tss tss;
	void (*volatile call_fn)(void *);	/* smp_call_all work */
	void *call_arg;
} __attribute__((aligned(64)));

_Static_assert(__builtin_offsetof(struct cpu, self) == 0, "entry code reads %gs:0");
_Static_assert(__builtin_offsetof(struct cpu, kernel_rsp) == 8, "entry code reads %gs:8");
_Static_assert(__builtin_offsetof(struct cpu, user_rsp) == 16, "entry code reads %gs:16");
_Static_assert(__builtin_offsetof(struct cpu, cur_proc) == 24, "arch_current reads %gs:24");

extern struct cpu cpus[MAX_CPUS];
extern int ncpus;			/* CPUs the MADT lists */
extern volatile int ncpus_online;

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	__asm__ volatile("mov %%gs:0, %0" : "=r"(c));
	return c;
}

/* CPU features found by CPUID, the same on every CPU. */
struct cpu_features {
	bool nx, smep, smap, xsave, pge, invariant_tsc, x2apic, fsgsbase;
	uint64_t xcr0;			/* state components XSAVE saves */
	uint32_t fpu_state_size;	/* bytes per task for FPU/SSE/AVX state */
};
extern struct cpu_features cpu_features;

void cpu_detect_features(void);
const char *cpu_vendor(void);
const char *cpu_model_name(void);
void cpu_early_init_bsp(void);
void cpu_init_this(struct cpu *c);	/* GDT, TSS, IDT, GS, CR4 bits, FPU */
void fpu_init_this(void);
void gdt_load(struct cpu *c);
void idt_load(void);
void idt_init(void);

#endif
