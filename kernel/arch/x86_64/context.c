/*
 * Process context on x86-64: the current pointer in the per-CPU area, the
 * switch itself (address space, kernel stack for the next entry, FS base,
 * FPU state, then switch_stacks), and the frames a new process starts on.
 */
#include "arch.h"
#include "context.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "proc.h"
#include "string.h"
#include "trapframe.h"
#include "vm.h"

#define SFMASK_BITS	0x47700		/* TF, DF, IF, IOPL, AC, NT cleared on syscall */

extern char syscall_entry[], fork_entry[], kthread_entry[];
void switch_stacks(uint64_t *save_sp, uint64_t new_sp);

static uint8_t fpu_initial[4096] __attribute__((aligned(64)));

void arch_set_current(struct proc *p) { this_cpu()->cur_proc = p; }

void arch_syscall_init_this(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	wrmsr(MSR_STAR, (0x10UL << 48) | (0x08UL << 32));	/* sysret: 0x23/0x1b; syscall: 0x08/0x10 */
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_SFMASK, SFMASK_BITS);
}

/* An area for XSAVE/FXSAVE. XSAVE writes only XSTATE_BV of the 64-byte
 * header at 512; XRSTOR faults (#GP) if the rest of it is not zero, so the
 * header starts cleared: a recycled allocation once held other bytes there. */
void *fpu_alloc(void)
{
	uint8_t *area = kmalloc(cpu_features.fpu_state_size);
	if (area && cpu_features.xsave)
		memset(area + 512, 0, 64);
	return area;
}

void fpu_free(void *area) { kfree(area); }

void fpu_save(void *area)
{
	if (cpu_features.xsave)
		__asm__ volatile("xsave64 (%0)" : : "r"(area), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
}

void fpu_restore(const void *area)
{
	if (cpu_features.xsave)
		__asm__ volatile("xrstor64 (%0)" : : "r"(area), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(area) : "memory");
}

void fpu_capture_initial(void) { fpu_save(fpu_initial); }
void fpu_load_initial(void) { fpu_restore(fpu_initial); }

static uint64_t kstack_top(struct proc *p) { return (uint64_t)p->kstack + KSTACK_SIZE; }

void arch_switch_to(struct proc *prev, struct proc *next)
{
	struct cpu *c = this_cpu();
	if (prev->fpu)
		fpu_save(prev->fpu);
	if (next->fpu)
		fpu_restore(next->fpu);
	paddr_t cr3 = next->mm ? next->mm->pml4_phys : kernel_pml4_phys;
	if (read_cr3() != cr3)
		write_cr3(cr3);
	if (next->kstack) {
		c->tss.rsp[0] = kstack_top(next);
		c->kernel_rsp = kstack_top(next);
	}
	if (next->fs_base != prev->fs_base)
		wrmsr(MSR_FS_BASE, next->fs_base);
	c->cur_proc = next;
	switch_stacks(&prev->ksp, next->ksp);
}

/* Pushes the callee-saved registers switch_stacks pops, returning to ret. */
static void push_switch_frame(struct proc *p, uint64_t sp, uint64_t ret, uint64_t rbx)
{
	uint64_t *s = (uint64_t *)sp;
	*--s = ret;
	*--s = 0;	/* rbp */
	*--s = rbx;
	*--s = 0;	/* r12 */
	*--s = 0;	/* r13 */
	*--s = 0;	/* r14 */
	*--s = 0;	/* r15 */
	p->ksp = (uint64_t)s;
}

/* The child's user registers are the parent's, but fork returns 0 in it. */
void arch_fork_frame(struct proc *child, const struct trap_frame *ptf)
{
	child->tf = (struct trap_frame *)(kstack_top(child) - sizeof(struct trap_frame));
	*child->tf = *ptf;
	child->tf->rax = 0;
	push_switch_frame(child, (uint64_t)child->tf, (uint64_t)fork_entry, 0);
}

/* A process that starts in the kernel at fn, then returns to user mode. */
void arch_kthread_frame(struct proc *p, void (*fn)(void))
{
	p->tf = (struct trap_frame *)(kstack_top(p) - sizeof(struct trap_frame));
	memset(p->tf, 0, sizeof(*p->tf));
	push_switch_frame(p, (uint64_t)p->tf, (uint64_t)kthread_entry, (uint64_t)fn);
}

/* Registers for a fresh program: all zero but where to run and its stack. */
void arch_user_frame(struct trap_frame *tf, uint64_t rip, uint64_t rsp)
{
	memset(tf, 0, sizeof(*tf));
	tf->rip = tf->rcx = rip;
	tf->rsp = rsp;
	tf->rflags = tf->r11 = RFLAGS_IF | 0x2;
	tf->cs = USER_CS;
	tf->ss = USER_SS;
}

void arch_kick_idle_cpu(void)
{
	int me = arch_cpu_id();
	for (int i = 0; i < ncpus; i++)
		if (i != me && cpus[i].online && READ_ONCE(cpus[i].idling)) {
			lapic_send_ipi(cpus[i].apic_id, VEC_RESCHED);
			return;
		}
}

void arch_idle_wait(void)
{
	struct cpu *c = this_cpu();
	c->idling = true;
	__asm__ volatile("sti; hlt; cli" ::: "memory");
	c->idling = false;
	sti();
}
