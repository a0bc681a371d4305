#ifndef SYSRET_CONTEXT_H
#define SYSRET_CONTEXT_H
/* The machine side of processes: switching, FPU state, first frames. */
#include "memlayout.h"
#include "trapframe.h"
#include "types.h"

struct proc;
struct trap_frame;

void arch_set_current(struct proc *p);
void arch_switch_to(struct proc *prev, struct proc *next);
void arch_kick_idle_cpu(void);
void arch_idle_wait(void);
void arch_syscall_init_this(void);

/* FPU state: saved eagerly on every switch, restored for the next process.
 * Eager because a lazy scheme must track which CPU holds whose registers,
 * and XSAVE of a few hundred bytes costs little next to the rest of a switch. */
void *fpu_alloc(void);
void fpu_free(void *area);
void fpu_save(void *area);
void fpu_restore(const void *area);
void fpu_load_initial(void);		/* a clean state, for execve */
void fpu_capture_initial(void);		/* boot: remember the clean state */

/* A process's first kernel frames. */
void arch_fork_frame(struct proc *child, const struct trap_frame *parent_tf);
void arch_kthread_frame(struct proc *p, void (*fn)(void));
void arch_user_frame(struct trap_frame *tf, uint64_t rip, uint64_t rsp);

#define USER_CS		0x23
#define USER_SS		0x1b
#define RFLAGS_TF	(1UL << 8)
#define RFLAGS_RF	(1UL << 16)

/* sysret restores rip from rcx and rflags from r11, and faults in kernel
 * mode on a non-canonical rip: use it only when that changes nothing.
 * Inline: it runs on every system call's way out. */
static inline bool arch_sysret_ok(const struct trap_frame *tf)
{
	return tf->rcx == tf->rip && tf->r11 == tf->rflags && tf->rip < USER_TOP - PAGE_SIZE &&
	       tf->cs == USER_CS && tf->ss == USER_SS && !(tf->rflags & (RFLAGS_TF | RFLAGS_RF));
}

#endif
