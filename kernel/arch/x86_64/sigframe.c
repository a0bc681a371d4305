/*
 * The signal frame, Linux's x86-64 layout, so libc code that reads
 * uc_mcontext works: below the interrupted stack (past its 128-byte red
 * zone, or on the alternate stack) go the FPU state, then struct
 * rt_sigframe: the return address (sa_restorer, which calls rt_sigreturn),
 * the ucontext (saved registers, old mask, stack) and the siginfo.
 * rt_sigreturn reads it all back. The frame is user memory: anything in it
 * may be forged, so only the user-changeable flags are taken, the segments
 * are always the user ones, and an unusable frame is a SIGSEGV.
 */
#include "arch.h"
#include "context.h"
#include "errno.h"
#include "kernel.h"
#include "proc.h"
#include "signal.h"
#include "string.h"
#include "trapframe.h"
#include "uaccess.h"
#include "trace.h"

struct sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;		/* user address of the FPU state */
	uint64_t reserved[8];
};
_Static_assert(sizeof(struct sigcontext) == 256, "struct sigcontext");

struct stack_t { uint64_t ss_sp; int32_t ss_flags, pad; uint64_t ss_size; };

struct ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};
_Static_assert(sizeof(struct ucontext) == 304, "the kernel's struct ucontext");

struct rt_sigframe {
	uint64_t pretcode;
	struct ucontext uc;
	struct siginfo info;
};

#define UC_FP_XSTATE		1
#define UC_SIGCONTEXT_SS	2
#define SS_ONSTACK		1
#define SS_DISABLE		2
#define MINSIGSTKSZ		2048
#define FP_XSTATE_MAGIC1	0x46505853U
#define FP_XSTATE_MAGIC2	0x46505845U
#define RFLAGS_USER		0x40DD5UL	/* CF PF AF ZF SF TF DF OF AC: what user code may set */
#define SYS_restart_syscall	219

static bool on_altstack(struct proc *p, uint64_t sp)
{
	return p->altstack_size && sp - p->altstack_sp <= p->altstack_size;
}

/* Where the frame goes: the alternate stack if asked for and not in use. */
static uint64_t frame_top(struct proc *p, const struct trap_frame *tf, const struct k_sigaction *ka)
{
	if ((ka->flags & SA_ONSTACK) && p->altstack_size && !(p->altstack_flags & SS_DISABLE) &&
	    !on_altstack(p, tf->rsp))
		return p->altstack_sp + p->altstack_size;
	return tf->rsp - 128;		/* the ABI's red zone belongs to the interrupted code */
}

/* The FPU state as the signal frame carries it: FXSAVE/XSAVE image plus,
 * with XSAVE, the software bytes that say so. Saved straight into the
 * frame, as Linux does: no kernel buffer to clear and copy (a few KiB with
 * AVX-512). XSAVE writes only XSTATE_BV of the header, so the rest of the
 * header is cleared first: XRSTOR refuses a header with stray bits. */
static int save_fpu(uint64_t ufp)
{
	static const uint64_t header[8];
	uint32_t size = cpu_features.fpu_state_size;
	if (cpu_features.xsave && copy_to_user((void *)(ufp + 512), header, sizeof(header)))
		return -EFAULT;
	if (fpu_save_to_user((void *)ufp))
		return -EFAULT;
	if (!cpu_features.xsave)
		return 0;
	struct { uint32_t magic1, extended_size; uint64_t xfeatures; uint32_t xstate_size; }
		__attribute__((packed)) sw = { FP_XSTATE_MAGIC1, size + 4, cpu_features.xcr0, size };
	uint32_t magic2 = FP_XSTATE_MAGIC2;
	return copy_to_user((void *)(ufp + 464), &sw, sizeof(sw)) ||	/* software-available bytes */
	       copy_to_user((void *)(ufp + size), &magic2, 4) ? -EFAULT : 0;
}

static size_t fpu_frame_size(void) { return cpu_features.fpu_state_size + (cpu_features.xsave ? 4 : 0); }

int arch_setup_frame(struct trap_frame *tf, int sig, const struct siginfo *info,
		     const struct k_sigaction *ka, sigset_t old_mask)
{
	struct proc *p = current;
	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;		/* x86-64 has no default trampoline */
	uint64_t sp = frame_top(p, tf, ka);
	uint64_t ufp = ALIGN_DOWN(sp - fpu_frame_size(), 64);
	uint64_t uframe = ALIGN_DOWN(ufp - sizeof(struct rt_sigframe), 16) - 8;	/* as after a call */
	struct rt_sigframe f;
	memset(&f, 0, sizeof(f));
	f.pretcode = ka->restorer;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | (cpu_features.xsave ? UC_FP_XSTATE : 0);
	f.uc.uc_stack = (struct stack_t){ p->altstack_sp,
		p->altstack_size ? (on_altstack(p, tf->rsp) ? SS_ONSTACK : p->altstack_flags) : SS_DISABLE,
		0, p->altstack_size };
	struct sigcontext *sc = &f.uc.uc_mcontext;
	*sc = (struct sigcontext){ tf->r8, tf->r9, tf->r10, tf->r11, tf->r12, tf->r13, tf->r14, tf->r15,
		tf->rdi, tf->rsi, tf->rbp, tf->rbx, tf->rdx, tf->rax, tf->rcx, tf->rsp, tf->rip,
		tf->rflags, tf->cs, 0, 0, tf->ss, 0, 0, old_mask, 0, ufp, { 0 } };
	if (tf->vector < 32) {
		sc->trapno = tf->vector;
		sc->err = tf->error;
		sc->cr2 = info->fault.addr;
	}
	f.uc.uc_sigmask = old_mask;
	f.info = *info;
	if (save_fpu(ufp) || copy_to_user((void *)uframe, &f, sizeof(f)))
		return -EFAULT;
	tf->rdi = sig;
	tf->rsi = uframe + __builtin_offsetof(struct rt_sigframe, info);
	tf->rdx = uframe + __builtin_offsetof(struct rt_sigframe, uc);
	tf->rax = 0;
	tf->rsp = uframe;
	tf->rip = ka->handler;
	tf->rflags &= ~((1UL << 8) | (1UL << 10));	/* TF, DF: the ABI wants DF clear */
	tf->rcx = tf->rip;
	tf->r11 = tf->rflags;
	fpu_load_initial();	/* the handler starts with a clean FPU, as on Linux */
	return 0;
}

/* Whether the CPU would accept the image at ufp: MXCSR without reserved
 * bits and, with XSAVE, a header naming only enabled components in the
 * standard format. Checked here, not left to XRSTOR's #GP: QEMU loads what
 * a real CPU refuses. */
static bool fpu_image_ok(uint64_t ufp)
{
	uint32_t mxcsr;
	uint64_t hdr[8];	/* XSTATE_BV, XCOMP_BV, reserved */
	if ((ufp & 63) || copy_from_user(&mxcsr, (void *)(ufp + 24), sizeof(mxcsr)) || (mxcsr & ~0xffffU))
		return false;
	if (!cpu_features.xsave)
		return true;
	if (copy_from_user(hdr, (void *)(ufp + 512), sizeof(hdr)) || (hdr[0] & ~cpu_features.xcr0))
		return false;
	for (int i = 1; i < 8; i++)
		if (hdr[i])
			return false;
	return true;
}

/* Loads the FPU image from the frame straight into the registers, as Linux
 * does: no kernel copy of a few KiB. Another thread may change the image
 * after the check; then XRSTOR's #GP is turned into -EFAULT by the
 * exception table, and the registers, which may hold part of the image,
 * start clean again. */
static int restore_fpu(uint64_t ufp)
{
	if (!fpu_image_ok(ufp) || fpu_restore_from_user((void *)ufp)) {
		fpu_load_initial();
		return -EFAULT;
	}
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct proc *p = current;
	struct trap_frame *tf = p->tf;
	struct rt_sigframe f;
	uint64_t uframe = tf->rsp - 8;		/* the handler's ret popped pretcode */
	if (copy_from_user(&f, (void *)uframe, sizeof(f)))
		goto bad;
	const struct sigcontext *sc = &f.uc.uc_mcontext;
	if (sc->rip >= USER_TOP || sc->rsp >= USER_TOP)
		goto bad;			/* iretq to a non-canonical address faults in the kernel */
	if (sc->fpstate && restore_fpu(sc->fpstate))
		goto bad;
	tf->r8 = sc->r8, tf->r9 = sc->r9, tf->r10 = sc->r10, tf->r11 = sc->r11;
	tf->r12 = sc->r12, tf->r13 = sc->r13, tf->r14 = sc->r14, tf->r15 = sc->r15;
	tf->rdi = sc->rdi, tf->rsi = sc->rsi, tf->rbp = sc->rbp, tf->rbx = sc->rbx;
	tf->rdx = sc->rdx, tf->rcx = sc->rcx, tf->rsp = sc->rsp, tf->rip = sc->rip;
	tf->rflags = (tf->rflags & ~RFLAGS_USER) | (sc->eflags & RFLAGS_USER);
	tf->cs = 0x23;				/* never more privilege than user mode */
	tf->ss = 0x1b;
	tf->vector = 0;				/* not a system call any more: no restart */
	spin_lock(&proc_lock);
	p->sig_blocked = f.uc.uc_sigmask & ~UNBLOCKABLE;
	spin_unlock(&proc_lock);
	if (f.uc.uc_stack.ss_flags != SS_ONSTACK && !on_altstack(p, tf->rsp) &&
	    f.uc.uc_stack.ss_size >= MINSIGSTKSZ && !(f.uc.uc_stack.ss_flags & ~SS_DISABLE)) {
		p->altstack_sp = f.uc.uc_stack.ss_sp;
		p->altstack_size = f.uc.uc_stack.ss_size;
		p->altstack_flags = f.uc.uc_stack.ss_flags;
	}
	if (trace_on(TK_SIGNAL))
		trace_sig_return(f.info.si_signo);
	return sc->rax;			/* syscall_dispatch stores it back in rax */
bad:
	force_signal(p, SIGSEGV, SI_KERNEL, 0);
	return tf->rax;
}

long sys_sigaltstack(const struct stack_t *uss, struct stack_t *uold)
{
	struct proc *p = current;
	struct stack_t old = { p->altstack_sp, on_altstack(p, p->tf->rsp) ? SS_ONSTACK :
			       (p->altstack_size ? p->altstack_flags : SS_DISABLE), 0, p->altstack_size };
	if (uss) {
		struct stack_t ss;
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_altstack(p, p->tf->rsp))
			return -EPERM;
		if (ss.ss_flags & ~(SS_DISABLE | (1 << 31)))	/* SS_AUTODISARM allowed, ignored */
			return -EINVAL;
		if (ss.ss_flags & SS_DISABLE) {
			p->altstack_sp = p->altstack_size = 0;
			p->altstack_flags = SS_DISABLE;
		} else {
			if (ss.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			p->altstack_sp = ss.ss_sp;
			p->altstack_size = ss.ss_size;
			p->altstack_flags = 0;
		}
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
