/*
 * System call dispatch: entry.S saves the user registers in a trap frame
 * and calls syscall_dispatch, which looks the number up in the table built
 * from syscall_table.h and calls the handler with the six argument
 * registers (rdi, rsi, rdx, r10, r8, r9). Handlers return a value or
 * -errno; the result goes back in rax. Unknown numbers give -ENOSYS and
 * are logged once each.
 */
#include "arch.h"
#include "context.h"
#include "errno.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "trace.h"
#include "trapframe.h"

typedef long (*syscall_fn)(long, long, long, long, long, long);

/* Each handler's real prototype differs; all arguments are register-sized,
 * so calling through this one type is what the ABI does anyway. */
#define SYSCALL(nr, name) [nr] = (syscall_fn)(void *)sys_##name,
static const syscall_fn table[NR_SYSCALLS] = {
#include "syscall_table.h"
};
#undef SYSCALL
#define SYSCALL(nr, name) [nr] = #name,
const char *const syscall_names[NR_SYSCALLS] = {
#include "syscall_table.h"
};
#undef SYSCALL

static uint64_t logged[NR_SYSCALLS / 64];

static long unknown(uint64_t nr)
{
	if (nr < NR_SYSCALLS && __atomic_fetch_or(&logged[nr / 64], 1UL << (nr % 64), __ATOMIC_RELAXED) &
	    (1UL << (nr % 64)))
		return -ENOSYS;
	printk(KERN_INFO "syscall: %s[%d] called unknown system call %lu\n", current->comm,
	       current->pid, nr);
	return -ENOSYS;
}

static inline void call(struct trap_frame *tf, uint64_t nr)
{
	syscall_fn fn = nr < NR_SYSCALLS ? table[nr] : NULL;
	tf->rax = fn ? fn(tf->rdi, tf->rsi, tf->rdx, tf->r10, tf->r8, tf->r9) : unknown(nr);
}

/* syscall_dispatch with the trace's enter and exit events around the call. */
static __attribute__((noinline)) int syscall_dispatch_traced(struct trap_frame *tf)
{
	uint64_t nr = tf->rax;
	arch_irq_enable();
	trace_sys_enter(tf);
	call(tf, nr);
	if (trace_on(TK_SYSCALL))
		trace_sys_exit(nr, tf);
	arch_irq_disable();
	return_to_user_work(tf);
	return arch_sysret_ok(tf);
}

/* Called by entry.S; returns whether sysret may be used to go back. */
int syscall_dispatch(struct trap_frame *tf)
{
	if (trace_on(TK_SYSCALL))	/* tracing off costs this test */
		return syscall_dispatch_traced(tf);
	arch_irq_enable();
	call(tf, tf->rax);
	arch_irq_disable();
	if (return_to_user_pending(current, tf))
		return_to_user_work(tf);
	return arch_sysret_ok(tf);
}
