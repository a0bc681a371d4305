/*
 * The context switch: one routine.
 *
 * void switch_stacks(uint64_t *save_sp, uint64_t new_sp)
 * Register contract: called from sched.c with sched_lock held. Saves the
 * callee-saved registers (the only ones the C caller expects to survive) on
 * the current kernel stack, stores the stack pointer in *save_sp, loads
 * new_sp and pops the other process's registers: the `ret` returns into
 * whatever that process was doing when it switched away - or, for a process
 * that has never run, into fork_entry.
 */
	.text
	.global switch_stacks
switch_stacks:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

/*
 * A new process's first instructions in the kernel: its stack holds a
 * trap frame built by fork (or by the first exec of init), on which it
 * "returns" to user mode like any interrupted process.
 */
	.global fork_entry
fork_entry:
	call sched_finish_switch
	call proc_child_start
	jmp trap_return

/* A process that starts in a kernel function (%rbx), like init's first exec. */
	.global kthread_entry
kthread_entry:
	call sched_finish_switch
	call *%rbx
	jmp trap_return
