#ifndef SYSRET_TRACE_H
#define SYSRET_TRACE_H
/*
 * The event trace (docs/TRACE.md): exceptions, interrupts, system calls,
 * context switches, signals and process life events, recorded per CPU and
 * read as text from /proc/trace.
 *
 * Off, a hook costs one test of trace_mask: each call site reads
 *	if (trace_on(TK_SYSCALL)) trace_sys_enter(tf);
 * and the trace_* functions do the filtering (by process) and recording.
 */
#include "types.h"

enum trace_kind {
	TK_EXCEPTION = 1 << 0,
	TK_IRQ = 1 << 1,
	TK_SYSCALL = 1 << 2,
	TK_SWITCH = 1 << 3,
	TK_SIGNAL = 1 << 4,
	TK_PROC = 1 << 5,
};

/* Why a CPU switched processes. */
enum switch_why { SW_PREEMPT, SW_BLOCK, SW_YIELD, SW_EXIT, SW_STOP, SW_IDLE };

/* How an exception ended. */
enum exc_outcome { OUT_SAME, OUT_NEXT, OUT_SIGNAL, OUT_FIXUP, OUT_OOPS };

/* What signal delivery did. */
enum sig_action { DELIVER_HANDLER, DELIVER_TERM, DELIVER_CORE, DELIVER_STOP, DELIVER_CONT, DELIVER_IGNORE };

/* The kinds being recorded; 0 when off. Read plainly, not volatile, so
 * that the test is one instruction (testb $kind, trace_mask(%rip)) and a
 * jump: 2 of the null system call's ~156. A hook that reads a value a
 * moment old records, or skips, one event around the switch: harmless. */
extern uint32_t trace_mask;
#define trace_on(kind)	__builtin_expect(trace_mask & (kind), 0)

struct proc;
struct siginfo;
struct trap_frame;

void trace_boot(const char *kinds);	/* trace=KINDS on the command line */
void trace_sys_enter(const struct trap_frame *tf);
void trace_sys_exit(uint64_t nr, const struct trap_frame *tf);
void trace_exception(const struct trap_frame *tf, uint64_t start, uint64_t rip, uint64_t cr2,
		     const char *name, int class, int outcome, int sig);
void trace_irq(int vector, const char *source, uint64_t start);
void trace_switch(struct proc *from, struct proc *to, enum switch_why why);
void trace_sig_gen(struct proc *to, int sig, int code);
void trace_sig_deliver(struct proc *p, int sig, enum sig_action action, const struct siginfo *info, uint64_t handler);
void trace_sig_return(int sig);
void trace_fork(struct proc *child, uint64_t flags);
void trace_exec(const char *path);
void trace_exit(int status);
void trace_reap(struct proc *child, int status);
void trace_reparent(struct proc *child, struct proc *parent);
void trace_stop(int sig);
void trace_cont(struct proc *p);

#endif
