/*
 * Signals: generation, the pending and blocked sets, and delivery.
 *
 * A signal is generated (kill, the terminal, a fault, a timer, a child's
 * change of state) by queueing its siginfo on the target and setting its
 * bit in sig_pending. It is delivered only on the way back to user mode
 * (return_to_user_work, after any system call, interrupt or exception): the
 * lowest-numbered pending signal that is not blocked goes first. Its action
 * is the handler the program installed, or the default from sigprop[]:
 * terminate, terminate with "core" (the WCOREDUMP bit; no file is written),
 * stop, continue, or ignore. Standard signals (1-31) pending twice are one
 * signal; real-time ones (32-64) queue, each with its own siginfo.
 *
 * Locking: a process's signal state is guarded by proc_lock ([t]).
 */
#include "arch.h"
#include "errno.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signal.h"
#include "string.h"
#include "trace.h"
#include "time.h"
#include "uaccess.h"

enum sig_default { ACT_TERM, ACT_CORE, ACT_STOP, ACT_CONT, ACT_IGN };

/* The default action of each signal: the lectures' table, as data. */
static const uint8_t sigprop[NSIG + 1] = {
	[SIGHUP] = ACT_TERM,  [SIGINT] = ACT_TERM,   [SIGQUIT] = ACT_CORE,  [SIGILL] = ACT_CORE,
	[SIGTRAP] = ACT_CORE, [SIGABRT] = ACT_CORE,  [SIGBUS] = ACT_CORE,   [SIGFPE] = ACT_CORE,
	[SIGKILL] = ACT_TERM, [SIGUSR1] = ACT_TERM,  [SIGSEGV] = ACT_CORE,  [SIGUSR2] = ACT_TERM,
	[SIGPIPE] = ACT_TERM, [SIGALRM] = ACT_TERM,  [SIGTERM] = ACT_TERM,  [SIGSTKFLT] = ACT_TERM,
	[SIGCHLD] = ACT_IGN,  [SIGCONT] = ACT_CONT,  [SIGSTOP] = ACT_STOP,  [SIGTSTP] = ACT_STOP,
	[SIGTTIN] = ACT_STOP, [SIGTTOU] = ACT_STOP,  [SIGURG] = ACT_IGN,    [SIGXCPU] = ACT_CORE,
	[SIGXFSZ] = ACT_CORE, [SIGVTALRM] = ACT_TERM, [SIGPROF] = ACT_TERM, [SIGWINCH] = ACT_IGN,
	[SIGIO] = ACT_TERM,   [SIGPWR] = ACT_TERM,   [SIGSYS] = ACT_CORE,
	/* 32-64, the real-time signals: ACT_TERM (0) */
};

#define SYS_RESTART_SYSCALL	219
#define STOP_SIGNALS	(SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))

static bool valid_signal(long sig) { return sig >= 1 && sig <= NSIG; }
static struct k_sigaction *action(struct proc *p, int sig) { return &p->sigact[sig - 1]; }

void signal_init_proc(struct proc *p)
{
	list_init(&p->sig_queue);
	list_init(&p->alarm_link);
}

bool sig_ignored(struct proc *p, int sig)
{
	uint64_t h = action(p, sig)->handler;
	return h == SIG_IGN || (h == SIG_DFL && sigprop[sig] == ACT_IGN);
}

/* A queue entry: the process's spare one if it has it. A process that
 * catches signals one after another then needs no kmalloc or kfree (and no
 * heap lock) per signal. [t] held. */
static struct sigqueue *sigq_alloc_locked(struct proc *p)
{
	struct sigqueue *q = p->sigq_spare;
	if (!q)
		return kmalloc(sizeof(*q));
	p->sigq_spare = NULL;
	return q;
}

static void sigq_free_locked(struct proc *p, struct sigqueue *q)
{
	if (p->sigq_spare)
		kfree(q);
	else
		p->sigq_spare = q;
}

static void dequeue_all_locked(struct proc *p, sigset_t which)
{
	struct sigqueue *q, *t;
	list_for_each_entry_safe(q, t, &p->sig_queue, link)
		if (which & SIGBIT(q->info.si_signo)) {
			list_del(&q->link);
			sigq_free_locked(p, q);
		}
	p->sig_pending &= ~which;
}

/* SIGCONT resumes a stopped process and cancels pending stops; a stop
 * signal cancels a pending SIGCONT. [t] held. */
static void generation_side_effects_locked(struct proc *p, int sig)
{
	if (SIGBIT(sig) & STOP_SIGNALS) {
		dequeue_all_locked(p, SIGBIT(SIGCONT));
	} else if (sig == SIGCONT) {
		dequeue_all_locked(p, STOP_SIGNALS);
		p->stop_pending = false;
		if (p->state == P_STOPPED) {
			if (trace_on(TK_PROC))
				trace_cont(p);
			p->stop_report = 0;
			p->cont_report = true;
			signal_notify_parent_locked(p, CLD_CONTINUED, SIGCONT);
			sched_make_runnable(p);
		}
	} else if (sig == SIGKILL && p->state == P_STOPPED) {
		sched_make_runnable(p);		/* to die */
	}
}

/* Queues sig for p (generation). [t] held. Returns 0 or -ENOMEM/-EAGAIN. */
int send_signal_locked(struct proc *p, int sig, const struct siginfo *info)
{
	if (p->state == P_ZOMBIE || !sig)
		return 0;
	if (trace_on(TK_SIGNAL))
		trace_sig_gen(p, sig, info->si_code);
	generation_side_effects_locked(p, sig);
	bool blocked = p->sig_blocked & SIGBIT(sig);
	if (!blocked && sig_ignored(p, sig) && sig != SIGKILL) {
		if (trace_on(TK_SIGNAL))
			trace_sig_deliver(p, sig, DELIVER_IGNORE, info, 0);
		return 0;			/* discarded at once, as Linux does */
	}
	if (sig < SIGRTMIN && (p->sig_pending & SIGBIT(sig)))
		return 0;			/* standard signals do not queue */
	struct sigqueue *q = sigq_alloc_locked(p);
	if (!q)
		return sig < SIGRTMIN ? 0 : -EAGAIN;
	q->info = *info;
	q->info.si_signo = sig;
	list_add_tail(&q->link, &p->sig_queue);
	p->sig_pending |= SIGBIT(sig);
	__atomic_add_fetch(&p->signal_seq, 1, __ATOMIC_SEQ_CST);	/* for sched_sleep_if */
	if (p == current)
		return 0;			/* running, so asleep on nothing: no wake-up */
	sched_wake_all(&p->signal_wait);	/* sigtimedwait waits even for blocked ones */
	if (!blocked || sig == SIGKILL)
		sched_wake_proc(p);		/* out of an interruptible sleep */
	return 0;
}

int send_signal(struct proc *p, int sig, const struct siginfo *info)
{
	spin_lock(&proc_lock);
	int r = send_signal_locked(p, sig, info);
	spin_unlock(&proc_lock);
	return r;
}

/* A signal the process cannot refuse (a fault): unblocked, and if it was
 * ignored, back to its default action - as Linux's force_sig. */
void force_signal(struct proc *p, int sig, int code, uint64_t addr)
{
	struct siginfo info = { .si_signo = sig, .si_code = code };
	info.fault.addr = addr;
	spin_lock(&proc_lock);
	struct k_sigaction *ka = action(p, sig);
	if (ka->handler == SIG_IGN || (p->sig_blocked & SIGBIT(sig))) {
		ka->handler = SIG_DFL;
		p->sig_blocked &= ~SIGBIT(sig);
	}
	send_signal_locked(p, sig, &info);
	spin_unlock(&proc_lock);
}

/* The parent learns of a child's change: SIGCHLD (unless SA_NOCLDSTOP says
 * not for stops and continues) and a wake-up for wait. [t] held. */
void signal_notify_parent_locked(struct proc *p, int code, int status)
{
	struct proc *parent = p->parent;
	if (!parent)
		return;
	struct k_sigaction *ka = action(parent, SIGCHLD);
	bool nocldstop = (ka->flags & SA_NOCLDSTOP) && (code == CLD_STOPPED || code == CLD_CONTINUED);
	if (!nocldstop) {
		struct siginfo info = { .si_signo = SIGCHLD, .si_code = code };
		info.chld.pid = p->pid;
		info.chld.uid = 0;
		info.chld.status = status;
		info.chld.utime = p->utime_ticks;
		info.chld.stime = p->stime_ticks;
		send_signal_locked(parent, SIGCHLD, &info);
	}
	sched_wake_all(&parent->child_exit);
}

int kill_pgrp_locked(int pgid, int sig, const struct siginfo *info)
{
	int r = -ESRCH;
	struct proc *p;
	for_each_pgrp_member_locked(p, pgid) {
		if (p->state != P_ZOMBIE) {
			send_signal_locked(p, sig, info);
			r = 0;
		}
	}
	return r;
}

/* ---- delivery ---- */

static int dequeue_locked(struct proc *p, sigset_t allowed, struct siginfo *info)
{
	sigset_t ready = p->sig_pending & allowed;
	if (!ready)
		return 0;
	int sig = __builtin_ctzl(ready) + 1;	/* the lowest-numbered first */
	struct sigqueue *q, *found = NULL;
	bool more = false;
	list_for_each_entry(q, &p->sig_queue, link) {
		if (q->info.si_signo != sig)
			continue;
		if (found) {
			more = true;
			break;
		}
		found = q;
	}
	*info = found->info;
	list_del(&found->link);
	sigq_free_locked(p, found);
	if (!more)
		p->sig_pending &= ~SIGBIT(sig);
	return sig;
}

/* Stops the process (default action of a stop signal) until SIGCONT. */
static void do_stop(struct proc *p, int sig)
{
	spin_lock(&proc_lock);
	if (!p->stop_pending) {		/* a SIGCONT came in between */
		spin_unlock(&proc_lock);
		return;
	}
	p->stop_pending = false;
	if (trace_on(TK_PROC))
		trace_stop(sig);
	p->stop_report = sig;
	p->cont_report = false;
	signal_notify_parent_locked(p, CLD_STOPPED, sig);
	spin_lock(&sched_lock);
	p->state = P_STOPPED;
	spin_unlock(&proc_lock);
	sched_stop_locked();
	spin_unlock(&sched_lock);
}

/* A system call cut short by a signal: restart it, or say EINTR. */
static void fix_restart(struct trap_frame *tf, const struct k_sigaction *ka)
{
	long r = (long)tf->rax;
	if (tf->vector != VEC_SYSCALL || r > -ERESTARTSYS || r < -ERESTART_RESTARTBLOCK)
		return;
	bool restart = !ka || r == -ERESTARTNOINTR || (r == -ERESTARTSYS && (ka->flags & SA_RESTART));
	if (ka && (r == -ERESTARTNOHAND || r == -ERESTART_RESTARTBLOCK))
		restart = false;
	if (!restart) {
		tf->rax = -EINTR;
		return;
	}
	tf->rax = r == -ERESTART_RESTARTBLOCK && !ka ? SYS_RESTART_SYSCALL : tf->error;
	tf->rip -= 2;			/* back onto the syscall instruction */
	tf->rcx = tf->rip;
}

static void run_handler(struct proc *p, struct trap_frame *tf, int sig, struct siginfo *info)
{
	spin_lock(&proc_lock);
	struct k_sigaction ka = *action(p, sig);
	if (ka.flags & SA_RESETHAND)
		action(p, sig)->handler = SIG_DFL;
	sigset_t old = p->restore_mask ? p->saved_mask : p->sig_blocked;
	p->restore_mask = false;
	p->sig_blocked |= ka.mask | (ka.flags & SA_NODEFER ? 0 : SIGBIT(sig));
	p->sig_blocked &= ~UNBLOCKABLE;
	spin_unlock(&proc_lock);
	fix_restart(tf, &ka);
	if (arch_setup_frame(tf, sig, info, &ka, old))
		force_signal(p, SIGSEGV, SI_KERNEL, 0);	/* no room for the frame */
}

/* What taking sig does, given its handler: the default action, or not. */
static enum sig_action delivery_action(int sig, uint64_t handler)
{
	static const enum sig_action by_default[] = {
		[ACT_IGN] = DELIVER_IGNORE, [ACT_CONT] = DELIVER_CONT, [ACT_STOP] = DELIVER_STOP,
		[ACT_CORE] = DELIVER_CORE, [ACT_TERM] = DELIVER_TERM,
	};
	if (sig == SIGKILL || sig == SIGSTOP || handler == SIG_DFL)
		return by_default[sigprop[sig]];
	return handler == SIG_IGN ? DELIVER_IGNORE : DELIVER_HANDLER;
}

/*
 * Acts on pending signals before the process returns to user mode: runs
 * default actions (die, stop, ignore) and sets up at most one handler frame.
 * Called from return_to_user_work with interrupts off.
 */
void signal_deliver(struct trap_frame *tf)
{
	struct proc *p = current;
	struct siginfo info;
	for (;;) {
		spin_lock(&proc_lock);
		int sig = dequeue_locked(p, ~p->sig_blocked | SIGBIT(SIGKILL), &info);
		if (sig && (SIGBIT(sig) & STOP_SIGNALS))
			p->stop_pending = true;
		uint64_t handler = sig ? action(p, sig)->handler : SIG_DFL;
		spin_unlock(&proc_lock);
		if (!sig)
			break;
		enum sig_action act = delivery_action(sig, handler);
		if (trace_on(TK_SIGNAL))
			trace_sig_deliver(p, sig, act, &info, handler);
		if (act == DELIVER_HANDLER) {
			run_handler(p, tf, sig, &info);
			return;
		}
		if (act == DELIVER_IGNORE)
			continue;
		switch (sigprop[sig]) {
		case ACT_IGN:
		case ACT_CONT:
			continue;
		case ACT_STOP:
			if ((sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) && pgrp_orphaned(p->pgid))
				continue;	/* POSIX: an orphaned group does not stop from the tty */
			do_stop(p, sig);
			continue;
		case ACT_CORE:
			proc_exit(sig | 0x80);
		default:
			proc_exit(sig);
		}
	}
	fix_restart(tf, NULL);		/* no handler ran: a cut-short call starts again */
	if (p->restore_mask) {
		p->restore_mask = false;
		p->sig_blocked = p->saved_mask;
	}
}

/* ---- fork, exec, exit ---- */

void signal_fork(struct proc *c, struct proc *parent)
{
	memcpy(c->sigact, parent->sigact, NSIG * sizeof(struct k_sigaction));
	c->sig_blocked = parent->sig_blocked;	/* pending signals are not inherited */
	c->altstack_sp = parent->altstack_sp;
	c->altstack_size = parent->altstack_size;
	c->altstack_flags = parent->altstack_flags;
}

/* execve: handlers go back to the default (ignored stays ignored); the mask
 * and pending signals stay; there is no alternate stack in the new image. */
void signal_exec(struct proc *p)
{
	spin_lock(&proc_lock);
	for (int sig = 1; sig <= NSIG; sig++) {
		struct k_sigaction *ka = action(p, sig);
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->mask = 0;
		ka->restorer = 0;
	}
	p->altstack_sp = p->altstack_size = 0;
	p->altstack_flags = 2;	/* SS_DISABLE */
	spin_unlock(&proc_lock);
}

void signal_free(struct proc *p)
{
	spin_lock(&proc_lock);
	dequeue_all_locked(p, ~0UL);
	kfree(p->sigq_spare);
	p->sigq_spare = NULL;
	spin_unlock(&proc_lock);
}

/* ---- system calls ---- */

long sys_rt_sigaction(int sig, const struct k_sigaction *uact, struct k_sigaction *uold, size_t setsize)
{
	if (setsize != sizeof(sigset_t))
		return -EINVAL;
	if (!valid_signal(sig) || (uact && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	struct k_sigaction act;
	if (uact && copy_from_user(&act, uact, sizeof(act)))
		return -EFAULT;
	struct proc *p = current;
	spin_lock(&proc_lock);
	struct k_sigaction old = *action(p, sig);
	if (uact) {
		act.mask &= ~UNBLOCKABLE;
		*action(p, sig) = act;
		if (sig_ignored(p, sig))	/* setting SIG_IGN discards what is pending */
			dequeue_all_locked(p, SIGBIT(sig));
	}
	spin_unlock(&proc_lock);
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

long sys_rt_sigprocmask(int how, const sigset_t *uset, sigset_t *uold, size_t setsize)
{
	if (setsize != sizeof(sigset_t))
		return -EINVAL;
	sigset_t set = 0;
	if (uset && copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	struct proc *p = current;
	spin_lock(&proc_lock);
	sigset_t old = p->sig_blocked;
	long err = 0;
	if (uset) {
		if (how == SIG_BLOCK)
			p->sig_blocked |= set;
		else if (how == SIG_UNBLOCK)
			p->sig_blocked &= ~set;
		else if (how == SIG_SETMASK)
			p->sig_blocked = set;
		else
			err = -EINVAL;
		p->sig_blocked &= ~UNBLOCKABLE;	/* silently, as Linux */
	}
	spin_unlock(&proc_lock);
	if (!err && uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

long sys_rt_sigpending(sigset_t *uset, size_t setsize)
{
	if (setsize > sizeof(sigset_t))
		return -EINVAL;
	struct proc *p = current;
	spin_lock(&proc_lock);
	sigset_t set = p->sig_pending & p->sig_blocked;
	spin_unlock(&proc_lock);
	return copy_to_user(uset, &set, setsize);
}

/* Sleeps until a signal is delivered (pause, sigsuspend). */
static long wait_for_signal(void)
{
	struct proc *p = current;
	while (!signal_pending(p))
		sched_sleep_if(&p->signal_wait, &p->signal_seq, READ_ONCE(p->signal_seq), UINT64_MAX);
	return -ERESTARTNOHAND;
}

long sys_pause(void) { return wait_for_signal(); }

long sys_rt_sigsuspend(const sigset_t *umask, size_t setsize)
{
	sigset_t mask;
	if (setsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	struct proc *p = current;
	spin_lock(&proc_lock);
	p->saved_mask = p->sig_blocked;
	p->restore_mask = true;		/* the handler runs with mask; then the old one is back */
	p->sig_blocked = mask & ~UNBLOCKABLE;
	spin_unlock(&proc_lock);
	return wait_for_signal();
}

long sys_rt_sigtimedwait(const sigset_t *uset, struct siginfo *uinfo, const struct timespec64 *uts,
			 size_t setsize)
{
	sigset_t set;
	if (setsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, uset, sizeof(set)))
		return -EFAULT;
	set &= ~UNBLOCKABLE;
	uint64_t deadline;
	long err = timeout_deadline(uts, &deadline);
	if (err)
		return err;
	struct proc *p = current;
	struct siginfo info;
	for (;;) {
		uint64_t seq = READ_ONCE(p->signal_seq);
		spin_lock(&proc_lock);
		int sig = dequeue_locked(p, set, &info);
		spin_unlock(&proc_lock);
		if (sig) {
			if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
				return -EFAULT;
			return sig;
		}
		if (signal_pending(p))
			return -EINTR;
		if (time_monotonic_ns() >= deadline)
			return -EAGAIN;
		sched_sleep_if(&p->signal_wait, &p->signal_seq, seq, deadline);
	}
}

static struct siginfo user_info(int sig, int code)
{
	struct siginfo info = { .si_signo = sig, .si_code = code };
	info.kill.pid = current->pid;
	info.kill.uid = 0;
	return info;
}

long sys_kill(int pid, int sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	struct proc *me = current;
	struct siginfo info = user_info(sig, SI_USER);
	long r = -ESRCH;
	spin_lock(&proc_lock);
	if (pid > 0) {
		struct proc *p = proc_find_locked(pid);
		if (p)
			r = send_signal_locked(p, sig, &info);
	} else if (pid == -1) {		/* everyone but init and ourselves (we are all root) */
		struct proc *p;
		for_each_proc_locked(p) {
			if (p->pid > 1 && p != me) {
				send_signal_locked(p, sig, &info);
				r = 0;
			}
		}
	} else {
		r = kill_pgrp_locked(pid == 0 ? me->pgid : -pid, sig, &info);
	}
	spin_unlock(&proc_lock);
	return r;
}

static long tkill(long tid, long sig)
{
	if (tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	struct siginfo info = user_info(sig, SI_TKILL);
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(tid);
	long r = p ? send_signal_locked(p, sig, &info) : -ESRCH;
	spin_unlock(&proc_lock);
	return r;
}

long sys_tkill(int tid, int sig) { return tkill(tid, sig); }
long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return tgid != tid ? (tid <= 0 ? -EINVAL : -ESRCH) : tkill(tid, sig);
}

long sys_rt_sigqueueinfo(int pid, int sig, const struct siginfo *uinfo)
{
	struct siginfo info;
	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && pid != current->pid)
		return -EPERM;		/* only the kernel may claim those codes */
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	long r = p ? send_signal_locked(p, sig, &info) : -ESRCH;
	spin_unlock(&proc_lock);
	return r;
}
