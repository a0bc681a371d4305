/*
 * Processes: creation (fork, vfork, clone), termination (exit), and the
 * parent's side of it (wait4, waitid): the process tree, PIDs, zombies and
 * orphans.
 *
 * A process that exits becomes a zombie: it keeps its PID and its exit
 * status until its parent collects them with wait; its children, orphans
 * now, are handed to PID 1 (init), which waits for them forever. fork
 * returns twice: the child's PID in the parent, 0 in the child.
 */
#include "arch.h"
#include "boot.h"
#include "console.h"
#include "context.h"
#include "exec.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "signum.h"
#include "string.h"
#include "trace.h"
#include "time.h"
#include "uaccess.h"
#include "vm.h"

#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000
#define CSIGNAL			0x000000ff

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

#define RESERVED_PIDS	300	/* where PIDs start again after the wrap, as on Linux */

struct spinlock proc_lock = SPINLOCK_INIT("proc");
struct proc *init_proc;
static struct proc *pid_table[PID_MAX];	/* [t] */
struct list_head proc_list = LIST_HEAD_INIT(proc_list);	/* [t] */
static int next_pid = 1;		/* [t] */

struct proc *proc_find_locked(int pid)
{
	struct proc *p = pid > 0 && pid < PID_MAX ? pid_table[pid] : NULL;
	return p && !p->autoreaped ? p : NULL;
}

/* The next free PID, counting up and wrapping: a freed PID is not reused at once. [t] */
static int pid_alloc_locked(struct proc *p)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		int pid = next_pid++;
		if (next_pid >= PID_MAX)
			next_pid = RESERVED_PIDS;
		if (!pid_table[pid]) {
			pid_table[pid] = p;
			list_add_tail(&p->all_link, &proc_list);
			return pid;
		}
	}
	return -EAGAIN;
}

void proc_set_comm(struct proc *p, const char *path)
{
	const char *base = path;
	for (const char *s = path; *s; s++)
		if (*s == '/' && s[1])
			base = s + 1;
	strlcpy(p->comm, base, COMM_LEN);
}

static void proc_free(struct proc *p)
{
	if (p->kstack)
		vfree(p->kstack);
	if (p->fpu)
		fpu_free(p->fpu);
	kfree(p->sigact);
	kfree(p->cmdline);
	kfree(p->exe);
	kfree(p);
}

/* A new process with a PID, a kernel stack and room for FPU state. */
static struct proc *proc_alloc(void)
{
	struct proc *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	p->kstack = vmalloc_stack(KSTACK_SIZE);
	p->fpu = fpu_alloc();
	p->sigact = kzalloc(NSIG * sizeof(struct k_sigaction));
	signal_init_proc(p);
	waitq_init(&p->signal_wait);
	list_init(&p->children);
	list_init(&p->sibling);
	list_init(&p->pgrp_link);
	list_init(&p->run_link);
	list_init(&p->timer_link);
	waitq_init(&p->child_exit);
	waitq_init(&p->vfork_done);
	p->start_ns = time_monotonic_ns();
	spin_lock(&proc_lock);
	p->pid = p->kstack && p->fpu && p->sigact ? pid_alloc_locked(p) : -ENOMEM;
	spin_unlock(&proc_lock);
	if (p->pid < 0) {
		proc_free(p);
		return NULL;
	}
	return p;
}

static void pid_release(struct proc *p)
{
	spin_lock(&proc_lock);
	pid_table[p->pid] = NULL;
	list_del(&p->all_link);
	list_del(&p->pgrp_link);
	spin_unlock(&proc_lock);
}

/* ---- the first process ---- */

static void init_start(void)
{
	struct proc *p = current;
	static const char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/bin:/sbin:/usr/bin:/usr/sbin", NULL };
	struct inode *console;
	if (!kernel_lookup("/dev/console", &console)) {
		int err;
		struct file *f = file_open_inode(console, O_RDWR, &err);
		if (f) {
			f->no_job_control = true;
			fd_install(f, false);
			file_get(f);
			fd_install(f, false);
			file_get(f);
			fd_install(f, false);
		} else {
			inode_put(console);
		}
	}
	const char *tries[] = { cmdline.init, "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	for (size_t i = 0; i < ARRAY_SIZE(tries); i++) {
		cmdline.init_argv[0] = tries[i];
		long err = kernel_execve(tries[i], cmdline.init_argv, envp);
		if (!err)
			return;
		printk(KERN_WARNING "init: %s failed: error %ld\n", tries[i], -err);
		if (i == 0 && cmdline.init_given)
			panic("Requested init %s failed (error %ld).", tries[i], -err);
	}
	(void)p;
	panic("No working init found. Try passing init= option to kernel.");
}

/* Makes PID 1, which starts in the kernel and execs init. */
void proc_start_init(void)
{
	struct proc *p = proc_alloc();
	KASSERT(p && p->pid == 1);
	p->files = files_new();
	p->cwd = root_inode;
	inode_get(root_inode);
	p->sid = 1;
	spin_lock(&proc_lock);
	pgrp_set_locked(p, 1);
	spin_unlock(&proc_lock);
	p->umask = 022;
	rlimits_default(p->rlim);
	strlcpy(p->comm, "init", COMM_LEN);
	fpu_save(p->fpu);	/* a clean state: nothing has touched the FPU since boot */
	arch_kthread_frame(p, init_start);
	init_proc = p;
	sched_make_runnable(p);
}

/* ---- fork ---- */

/* A forked child shows its parent's argv and path in /proc until it execs. */
static void proc_copy_names(struct proc *c, struct proc *parent)
{
	spin_lock(&proc_lock);
	size_t len = parent->cmdline_len;
	const char *exe = parent->exe;
	char *cmd = parent->cmdline ? kmalloc(len + 1) : NULL;
	char *e = exe ? kmalloc(strlen(exe) + 1) : NULL;
	if (cmd) {
		memcpy(cmd, parent->cmdline, len);
		c->cmdline = cmd;
		c->cmdline_len = len;
	}
	if (e) {
		memcpy(e, exe, strlen(exe) + 1);
		c->exe = e;
	}
	spin_unlock(&proc_lock);
}

/* The child's first kernel code before user mode (CLONE_CHILD_SETTID). */
void proc_child_start(void)
{
	struct proc *p = current;
	if (p->set_child_tid)
		put_user((int)p->pid, (int *)p->set_child_tid);
}

long do_clone(uint64_t flags, uint64_t newsp, int *uptid, int *uctid, uint64_t tls)
{
	struct proc *parent = current;
	if ((flags & (CLONE_THREAD | CLONE_SIGHAND)) || ((flags & CLONE_VM) && !(flags & CLONE_VFORK)))
		return -EINVAL;	/* FIXME: threads */
	struct proc *c = proc_alloc();
	if (!c)
		return -EAGAIN;
	if (flags & CLONE_VM) {
		c->mm = parent->mm;
		c->mm->users++;
	} else {
		c->mm = mm_fork(parent->mm);
	}
	c->files = files_fork(parent->files);
	if (!c->mm || !c->files) {
		if (c->mm)
			mm_put(c->mm);
		if (c->files)
			files_put(c->files);
		pid_release(c);
		proc_free(c);
		return -ENOMEM;
	}
	c->cwd = parent->cwd;
	inode_get(c->cwd);
	c->umask = parent->umask;
	c->tty = parent->tty;
	memcpy(c->rlim, parent->rlim, sizeof(c->rlim));
	memcpy(c->comm, parent->comm, COMM_LEN);
	proc_copy_names(c, parent);
	c->fs_base = (flags & CLONE_SETTLS) ? tls : parent->fs_base;
	signal_fork(c, parent);
	fpu_save(c->fpu);
	arch_fork_frame(c, parent->tf);
	if (newsp)
		c->tf->rsp = newsp;
	if (flags & CLONE_CHILD_SETTID)
		c->set_child_tid = (uint64_t)uctid;
	if (flags & CLONE_CHILD_CLEARTID)
		c->clear_child_tid = (uint64_t *)uctid;
	int pid = c->pid;
	if (flags & CLONE_PARENT_SETTID)
		(void)put_user(pid, uptid);	/* Linux ignores a bad pointer here too */
	spin_lock(&proc_lock);
	c->parent = parent;
	pgrp_set_locked(c, parent->pgid);
	c->sid = parent->sid;
	list_add_tail(&c->sibling, &parent->children);
	c->vfork_pending = flags & CLONE_VFORK;
	c->traced = parent->traced;
	spin_unlock(&proc_lock);
	if (trace_on(TK_PROC))
		trace_fork(c, flags & CLONE_VFORK ? 1 : flags & CLONE_VM ? 2 : 0);
	sched_make_runnable(c);
	if (flags & CLONE_VFORK) {	/* the parent waits until the child execs or exits */
		spin_lock(&proc_lock);
		while (c->vfork_pending)
			sched_sleep_uninterruptible(&c->vfork_done, &proc_lock);
		spin_unlock(&proc_lock);
	}
	return pid;
}

long sys_fork(void) { return do_clone(SIGCHLD, 0, NULL, NULL, 0); }
long sys_vfork(void) { return do_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, NULL, NULL, 0); }
long sys_clone(uint64_t flags, uint64_t newsp, int *uptid, int *uctid, uint64_t tls)
{
	return do_clone(flags, newsp, uptid, uctid, tls);
}

/* A vfork child no longer needs the parent's memory: let the parent go on. */
void proc_vfork_release(struct proc *p)
{
	spin_lock(&proc_lock);
	if (p->vfork_pending) {
		p->vfork_pending = false;
		sched_wake_all(&p->vfork_done);
	}
	spin_unlock(&proc_lock);
}

/* ---- exit ---- */

static void adopt_by_init_locked(struct proc *c)
{
	list_del(&c->sibling);
	c->parent = init_proc;
	list_add_tail(&c->sibling, &init_proc->children);
}

/* Gives p's children to init; groups this orphans that have a stopped
 * member get SIGHUP then SIGCONT (POSIX). [t] held. */
static void reparent_children_locked(struct proc *p)
{
	bool zombies = false;
	while (!list_empty(&p->children)) {
		struct proc *c = list_first_entry(&p->children, struct proc, sibling);
		adopt_by_init_locked(c);
		if (trace_on(TK_PROC))
			trace_reparent(c, init_proc);
		zombies |= c->state == P_ZOMBIE;
		if (c->pgid != p->pgid && c->sid == p->sid)
			pgrp_hangup_if_orphaned_locked(c->pgid, p);
	}
	if (zombies)
		sched_wake_all(&init_proc->child_exit);
}

/* The wait status's SIGCHLD code: exited, killed, or killed with core. */
static int chld_code(int status)
{
	return (status & 0x7f) == 0 ? CLD_EXITED : (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
}

static int chld_status(int status)
{
	return (status & 0x7f) == 0 ? (status >> 8) & 0xff : status & 0x7f;
}

/* Ends the current process with a Linux wait status (see wait_status_*). */
void proc_exit(int status)
{
	struct proc *p = current;
	if (p == init_proc)
		panic("Attempted to kill init! exitcode=0x%08x", status);
	if (p->clear_child_tid)
		put_user((int)0, (int *)p->clear_child_tid);
	files_put(p->files);
	p->files = NULL;
	inode_put(p->cwd);
	p->cwd = NULL;
	mm_activate(NULL);		/* off the address space before it may go */
	struct mm *mm = p->mm;
	p->mm = NULL;
	proc_vfork_release(p);
	mm_put(mm);
	arch_irq_disable();
	fpu_free(p->fpu);		/* nothing may save into it from here on */
	p->fpu = NULL;
	itimer_cancel(p);
	tty_session_leader_exit(p);
	signal_free(p);
	spin_lock(&proc_lock);
	reparent_children_locked(p);
	if (p->parent->pgid != p->pgid && p->parent->sid == p->sid)
		pgrp_hangup_if_orphaned_locked(p->pgid, p);
	p->exit_status = status;
	if (trace_on(TK_PROC))
		trace_exit(status);
	signal_notify_parent_locked(p, chld_code(status), chld_status(status));
	struct k_sigaction *ka = &p->parent->sigact[SIGCHLD - 1];
	/* The parent said it will not wait: no zombie for it. The process is gone
	 * for everyone (its PID finds nothing) and init frees what is left of it
	 * once it is off its kernel stack; the PID is reused only after that. */
	if (p->parent != init_proc && (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT))) {
		p->autoreaped = true;
		adopt_by_init_locked(p);
	}
	spin_lock(&sched_lock);
	p->state = P_ZOMBIE;
	spin_unlock(&proc_lock);
	sched_exit_locked();
}

long sys_exit(int code) { proc_exit((code & 0xff) << 8); }
long sys_exit_group(int code) { proc_exit((code & 0xff) << 8); }

/* ---- wait ---- */

/* For a walk of the children: pid -1 (any), 0 (our group), -pgid. A pid > 0
 * is looked up instead (find_waitable_locked). */
static bool wait_matches(struct proc *c, long pid, struct proc *me)
{
	if (pid == -1)
		return true;
	if (pid == 0)
		return c->pgid == me->pgid;
	return c->pgid == -pid;
}

/* Frees a reaped zombie, once it is off its kernel stack. */
static void reap(struct proc *c)
{
	while (READ_ONCE(c->on_cpu))
		arch_relax();
	if (trace_on(TK_PROC))
		trace_reap(c, c->exit_status);
	pid_release(c);
	proc_free(c);
}

/* Whether wait has something to say of c now: a stop, a continue, an exit. */
static bool reportable(const struct proc *c, int options)
{
	return ((options & WUNTRACED) && c->stop_report) || ((options & WCONTINUED) && c->cont_report) ||
	       ((options & WEXITED) && c->state == P_ZOMBIE);
}

/* The child wait reports on now, or NULL; *any: whether pid names any child
 * at all. A PID is looked up, not searched for among the children: a parent
 * of a thousand pays nothing for them in waitpid. [t] held. */
static struct proc *find_waitable_locked(struct proc *me, long pid, int options, bool *any)
{
	struct proc *c;
	if (pid > 0) {
		c = proc_find_locked(pid);
		*any = c && c->parent == me;
		return *any && reportable(c, options) ? c : NULL;
	}
	*any = false;
	list_for_each_entry(c, &me->children, sibling) {
		if (!wait_matches(c, pid, me))
			continue;
		*any = true;
		if (reportable(c, options))
			return c;
	}
	return NULL;
}

/* Reports on c, which is reportable: a stop first, then a continue, then its
 * exit (reaping it unless WNOWAIT). Returns its PID. [t] held, and released. */
static long report_child_locked(struct proc *me, struct proc *c, int options, int *status,
				uint64_t ticks[2])
{
	int cpid = c->pid;
	if ((options & WUNTRACED) && c->stop_report) {
		*status = (c->stop_report << 8) | 0x7f;
		if (!(options & WNOWAIT))
			c->stop_report = 0;
	} else if ((options & WCONTINUED) && c->cont_report) {
		*status = 0xffff;
		if (!(options & WNOWAIT))
			c->cont_report = false;
	} else {
		*status = c->exit_status;
		ticks[0] = c->utime_ticks + c->cutime_ticks;
		ticks[1] = c->stime_ticks + c->cstime_ticks;
		if (!(options & WNOWAIT)) {
			list_del(&c->sibling);
			me->cutime_ticks += c->utime_ticks + c->cutime_ticks;
			me->cstime_ticks += c->stime_ticks + c->cstime_ticks;
			spin_unlock(&proc_lock);
			reap(c);
			return cpid;
		}
	}
	spin_unlock(&proc_lock);
	return cpid;
}

/*
 * Waits for a child matching pid to exit. On success fills *status and
 * returns the child's PID; 0 with WNOHANG when none has exited yet;
 * -ECHILD when there is no such child. Reaps unless WNOWAIT.
 */
static long wait_child(long pid, int options, int *status, uint64_t ticks[2])
{
	struct proc *me = current;
	spin_lock(&proc_lock);
	for (;;) {
		bool any;
		struct proc *c = find_waitable_locked(me, pid, options, &any);
		if (c)
			return report_child_locked(me, c, options, status, ticks);
		if (!any) {
			spin_unlock(&proc_lock);
			return -ECHILD;
		}
		if (options & WNOHANG) {
			spin_unlock(&proc_lock);
			return 0;
		}
		if (signal_pending(me)) {
			spin_unlock(&proc_lock);
			return -ERESTARTSYS;
		}
		sched_sleep(&me->child_exit, &proc_lock);
	}
}

struct rusage_user {
	struct { int64_t sec, usec; } utime, stime;
	int64_t rest[14];
};

static long put_rusage(struct rusage_user *uru, uint64_t uticks, uint64_t sticks)
{
	struct rusage_user ru = { 0 };
	ru.utime.sec = uticks / 100;
	ru.utime.usec = uticks % 100 * 10000;
	ru.stime.sec = sticks / 100;
	ru.stime.usec = sticks % 100 * 10000;
	return copy_to_user(uru, &ru, sizeof(ru));
}

long sys_wait4(int pid, int *ustatus, int options, struct rusage_user *uru)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;
	int status = 0;
	uint64_t ticks[2] = { 0, 0 };
	long r = wait_child(pid, (options & (WNOHANG | WUNTRACED | WCONTINUED)) | WEXITED, &status, ticks);
	if (r > 0 && ustatus && put_user(status, ustatus))
		return -EFAULT;
	if (r > 0 && uru && put_rusage(uru, ticks[0], ticks[1]))
		return -EFAULT;
	return r;
}

struct siginfo_chld {
	int si_signo, si_errno, si_code, pad;
	int si_pid, si_uid, si_status, pad2;
	int64_t si_utime, si_stime;
	char rest[128 - 48];
};
_Static_assert(sizeof(struct siginfo_chld) == 128, "siginfo_t is 128 bytes");


long sys_waitid(int idtype, int id, struct siginfo_chld *uinfo, int options, struct rusage_user *uru)
{
	if (options & ~(WNOHANG | WUNTRACED | WEXITED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	long pid;
	if (idtype == P_ALL)
		pid = -1;
	else if (idtype == P_PID && id > 0)
		pid = id;
	else if (idtype == P_PGID && id >= 0)
		pid = id ? -id : 0;
	else
		return -EINVAL;
	int status = 0;
	uint64_t ticks[2] = { 0, 0 };
	long r = wait_child(pid, options & (WNOHANG | WNOWAIT | WEXITED | WUNTRACED | WCONTINUED),
			    &status, ticks);
	if (r < 0)
		return r;
	struct siginfo_chld si = { 0 };
	if (r > 0) {
		si.si_signo = SIGCHLD;
		si.si_pid = r;
		if ((status & 0xff) == 0x7f) {
			si.si_code = CLD_STOPPED;
			si.si_status = status >> 8;
		} else if (status == 0xffff) {
			si.si_code = CLD_CONTINUED;
			si.si_status = SIGCONT;
		} else {
			si.si_code = chld_code(status);
			si.si_status = chld_status(status);
		}
	}
	if (uinfo && copy_to_user(uinfo, &si, sizeof(si)))
		return -EFAULT;
	if (uru && put_rusage(uru, ticks[0], ticks[1]))
		return -EFAULT;
	return 0;
}

/* ---- identity ---- */

long sys_getpid(void) { return current->pid; }
long sys_gettid(void) { return current->pid; }

long sys_getppid(void)
{
	struct proc *p = current;
	return p->parent ? READ_ONCE(p->parent)->pid : 0;
}

/*
 * The one place every return to user mode passes (after system calls,
 * interrupts and exceptions): a process marked to die dies here, and one
 * whose time slice is over lets the next one run. Interrupts are off.
 */
void return_to_user_work(struct trap_frame *tf)
{
	struct proc *p = current;
	for (;;) {
		if (p->need_resched) {
			sched_yield();
			continue;
		}
		if (return_to_user_pending(p, tf))
			signal_deliver(tf);
		/* More handlers to run: each frame goes on top of the last, so the
		 * last set up runs first, as on Linux. */
		for (int n = 0; n < NSIG && signal_pending(p); n++)
			signal_deliver(tf);
		return;
	}
}

int proc_count(void)
{
	int n = 0;
	spin_lock(&proc_lock);
	struct proc *p;
	for_each_proc_locked(p)
		n++;
	spin_unlock(&proc_lock);
	return n;
}
