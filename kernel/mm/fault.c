/*
 * Where a page fault goes. From user mode, or from the kernel copying user
 * memory (uaccess), the address space may supply the page (demand zero,
 * copy-on-write, stack growth: vm_fault) and the instruction runs again.
 * If it cannot, a user fault becomes SIGSEGV for the process, and a uaccess
 * fault becomes -EFAULT through the exception table. Any other kernel fault
 * is a bug: the oops in trap.c.
 */
#include "arch.h"
#include "kernel.h"
#include "paging.h"
#include "proc.h"
#include "signum.h"
#include "trap.h"
#include "uaccess.h"
#include "vm.h"

static bool page_fault(struct trap_frame *tf)
{
	uint64_t addr = read_cr2();
	bool user = tf_from_user(tf);
	if (!user && (addr >= USER_TOP || !uaccess_in_progress(tf->rip)))
		return false;			/* a kernel bug: oops */
	struct proc *p = current;
	int code;
	if (!vm_fault(p->mm, addr, tf->error & PF_WRITE, tf->error & PF_INSTR, &code))
		return true;			/* fault: the same instruction runs again */
	if (!user)
		return uaccess_fixup(tf);	/* the copy returns -EFAULT */
	trap_user_fault(tf, SIGSEGV, addr, code);	/* SEGV_MAPERR or SEGV_ACCERR */
	return true;
}

void fault_init(void) { trap_set_handler(14, page_fault); }
