/*
 * Trap dispatch: every exception and interrupt arrives here from vectors.S
 * with a struct trap_frame. Vectors 0-31 are exceptions, described by
 * exception_table; 32-255 are interrupts (asynchronous: the interrupted
 * code resumes at its next instruction).
 *
 * An exception is first offered to the handler registered for its vector
 * (the page-fault handler, say). A handler returns true when it dealt with
 * it; the CPU then resumes where the table says: a fault at the faulting
 * instruction, which runs again; a trap at the next one. Nothing to do here
 * makes that happen: the CPU pushed the right rip. What no handler takes in
 * kernel mode is a bug: an oops, then panic.
 */
#include "arch.h"
#include "exceptions.h"
#include "interrupts.h"
#include "kernel.h"
#include "ksyms.h"
#include "paging.h"
#include "proc.h"
#include "signum.h"
#include "trace.h"
#include "trap.h"
#include "uaccess.h"

static exc_handler_t exc_handlers[NUM_EXCEPTIONS];
static irq_handler_t irq_handlers[256];
static struct oops_catch *oops_catcher;
static void handle_interrupt(struct trap_frame *tf);

void trap_set_handler(int vector, exc_handler_t fn) { exc_handlers[vector] = fn; }
exc_handler_t trap_get_handler(int vector) { return exc_handlers[vector]; }
void irq_register(int vector, irq_handler_t fn) { irq_handlers[vector] = fn; }
void trap_catch_oops(struct oops_catch *c) { oops_catcher = c; }

static void print_pf_error(uint64_t e)
{
	printk(KERN_EMERG "  page fault: %s, %s, %s mode%s%s\n",
	       e & PF_PRESENT ? "protection violation" : "page not present",
	       e & PF_INSTR ? "instruction fetch" : e & PF_WRITE ? "write" : "read",
	       e & PF_USER ? "user" : "kernel",
	       e & PF_RSVD ? ", reserved bit set" : "", "");
}

void trap_print_frame(const struct trap_frame *tf)
{
	printk(KERN_EMERG "  RIP: %04lx:%016lx  RSP: %04lx:%016lx  RFLAGS: %08lx\n",
	       tf->cs, tf->rip, tf->ss, tf->rsp, tf->rflags);
	printk(KERN_EMERG "  RAX: %016lx RBX: %016lx RCX: %016lx\n", tf->rax, tf->rbx, tf->rcx);
	printk(KERN_EMERG "  RDX: %016lx RSI: %016lx RDI: %016lx\n", tf->rdx, tf->rsi, tf->rdi);
	printk(KERN_EMERG "  RBP: %016lx R08: %016lx R09: %016lx\n", tf->rbp, tf->r8, tf->r9);
	printk(KERN_EMERG "  R10: %016lx R11: %016lx R12: %016lx\n", tf->r10, tf->r11, tf->r12);
	printk(KERN_EMERG "  R13: %016lx R14: %016lx R15: %016lx\n", tf->r13, tf->r14, tf->r15);
	printk(KERN_EMERG "  CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* The oops: everything a person needs to find the bug. */
static void oops(const struct trap_frame *tf)
{
	const struct exception_info *e = &exception_table[tf->vector];
	char where[128];
	ksyms_format(tf->rip, where, sizeof(where));
	printk(KERN_EMERG "oops: vector %lu %s %s (%s) in kernel mode on CPU %d\n",
	       tf->vector, e->mnemonic, e->name, exc_class_name(e->class), arch_cpu_id());
	printk(KERN_EMERG "  at %s, error code 0x%lx, CR2 0x%lx\n", where, tf->error, read_cr2());
	if (tf->vector == 14)
		print_pf_error(tf->error);
	trap_print_frame(tf);
	printk(KERN_EMERG "  backtrace:\n");
	printk(KERN_EMERG "    [<%016lx>] %s\n", tf->rip, where);
	arch_backtrace(tf->rbp);
}

/*
 * A user program's exception that nothing fixed: the process gets the
 * table's signal (default action: it dies of it), and the log a line in the
 * style of Linux's.
 */
/* The si_code Linux gives each fault. */
static int fault_code(const struct trap_frame *tf, int code)
{
	switch (tf->vector) {
	case 0: return 1;		/* FPE_INTDIV */
	case 3: return 0x80;		/* int3: SI_KERNEL */
	case 6: return 2;		/* ILL_ILLOPN */
	case 13: return 0x80;		/* #GP: SI_KERNEL */
	case 17: return 1;		/* BUS_ADRALN */
	}
	return code;
}

void trap_user_fault(struct trap_frame *tf, int sig, uint64_t addr, int code)
{
	struct proc *p = current;
	const struct exception_info *e = &exception_table[tf->vector];
	if (tf->vector == 14)
		printk(KERN_INFO "%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx in %s\n",
		       p->comm, p->pid, addr, tf->rip, tf->rsp, tf->error, p->comm);
	else
		printk(KERN_INFO "traps: %s[%d] trap %s %s ip:%lx sp:%lx error:%lx in %s\n", p->comm,
		       p->pid, e->mnemonic, e->name, tf->rip, tf->rsp, tf->error, p->comm);
	this_cpu()->fault_signal = sig;		/* for the trace */
	code = fault_code(tf, code);
	/* si_addr: the faulting address for #PF, the instruction for the
	 * others, nothing for SI_KERNEL ones (int3, #GP), as Linux. */
	force_signal(p, sig, code, tf->vector == 14 ? addr : code == SI_KERNEL ? 0 : tf->rip);
}

static void handle_exception(struct trap_frame *tf)
{
	const struct exception_info *e = &exception_table[tf->vector];
	exc_handler_t h = exc_handlers[tf->vector];
	if (h && h(tf))
		return;		/* handled: resume where e->resumes says */
	if (tf->vector == 13 && !tf_from_user(tf) && uaccess_fixup(tf))
		return;		/* XRSTOR of a user's bad FPU image: it returns -EFAULT */
	if (tf_from_user(tf)) {
		trap_user_fault(tf, e->signal ? e->signal : SIGSEGV, read_cr2(), 0x80);
		return;
	}
	if (this_cpu()->in_oops++) {	/* the oops itself faulted: say no more */
		printk(KERN_EMERG "oops: %s at %lx while printing an oops\n", e->mnemonic, tf->rip);
		panic("nested fault in the oops path");
	}
	oops(tf);
	this_cpu()->in_oops = 0;
	struct oops_catch *c = oops_catcher;
	if (c && c->cpu == arch_cpu_id()) {	/* a self-test that wanted this oops */
		oops_catcher = NULL;
		c->vector = tf->vector;
		tf->rip = c->resume_rip;
		return;
	}
	panic("fatal exception %s %s", e->mnemonic, e->name);
}

/* What became of an exception, for the trace. */
static int outcome(const struct trap_frame *tf, uint64_t rip, int sig)
{
	if (sig)
		return OUT_SIGNAL;
	if (tf->rip != rip && !tf_from_user(tf))
		return OUT_FIXUP;	/* a uaccess fault: the copy returns -EFAULT */
	return exception_table[tf->vector].resumes == RESUME_NEXT ? OUT_NEXT : OUT_SAME;
}

static void exception(struct trap_frame *tf)
{
	if (!trace_on(TK_EXCEPTION)) {
		handle_exception(tf);
		return;
	}
	const struct exception_info *e = &exception_table[tf->vector];
	uint64_t start = arch_clock_ns(), rip = tf->rip, cr2 = tf->vector == 14 ? read_cr2() : 0;
	this_cpu()->fault_signal = 0;
	handle_exception(tf);
	int sig = this_cpu()->fault_signal;
	trace_exception(tf, start, rip, cr2, e->name, e->class, outcome(tf, rip, sig), sig);
}

static const char *irq_source(uint64_t vec)
{
	switch (vec) {
	case VEC_TIMER: return "timer";
	case VEC_SERIAL: return "serial";
	case VEC_IPI_CALL: case VEC_RESCHED: return "ipi";
	case VEC_SPURIOUS: return "spurious";
	}
	return "other";
}

static void interrupt(struct trap_frame *tf)
{
	uint64_t start = trace_on(TK_IRQ) ? arch_clock_ns() : 0;
	handle_interrupt(tf);
	if (start)
		trace_irq(tf->vector, irq_source(tf->vector), start);
}

static void handle_interrupt(struct trap_frame *tf)
{
	irq_handler_t h = irq_handlers[tf->vector];
	if (tf->vector == VEC_SPURIOUS)
		return;		/* the LAPIC wants no EOI for these */
	if (h)
		h(tf);
	else
		printk(KERN_WARNING "trap: unexpected interrupt vector %lu on CPU %d\n",
		       tf->vector, arch_cpu_id());
	lapic_eoi();
}

/* Called by vectors.S with interrupts off. */
void trap_dispatch(struct trap_frame *tf)
{
	if (cpu_features.smap)
		clac();		/* user code may have set AC: the kernel never runs with it */
	if (tf->vector < NUM_EXCEPTIONS)
		exception(tf);
	else
		interrupt(tf);
	if (tf_from_user(tf) && return_to_user_pending(current, tf))
		return_to_user_work(tf);
}
