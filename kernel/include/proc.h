#ifndef SYSRET_PROC_H
#define SYSRET_PROC_H
/*
 * Processes: the PCB and its states.
 *
 *                 fork
 *                   |
 *                   v        scheduled          exit()
 *   wakeup --> RUNNABLE ---------------> RUNNING -------> ZOMBIE --(reaped by wait)--> gone
 *      ^           ^ <----------------   |    |
 *      |           |   preempted/yield   |    | SIGSTOP (#4)
 *      |           |                     |    v
 *      +------ SLEEPING <----------------+  STOPPED --(SIGCONT)--> RUNNABLE
 *                   wait for an event
 *
 * Only proc.c and sched.c change a process's state.
 */
#include "arch.h"
#include "kernel.h"
#include "list.h"
#include "signal.h"
#include "spinlock.h"
#include "trapframe.h"
#include "types.h"

enum proc_state { P_RUNNABLE, P_RUNNING, P_SLEEPING, P_STOPPED, P_ZOMBIE };

#define PID_MAX		32768	/* PIDs wrap here, as Linux's default pid_max */
#define KSTACK_SIZE	16384
#define COMM_LEN	16

struct mm;
struct files;
struct inode;
struct tty;

#define RLIM_NLIMITS	16
#define RLIMIT_STACK	3
#define RLIMIT_NOFILE	7
struct rlimit { uint64_t cur, max; };

struct waitq {
	struct list_head waiters;	/* guarded by sched_lock */
};
#define WAITQ_INIT(name)	{ LIST_HEAD_INIT((name).waiters) }

/*
 * Lock legend: [t] proc_lock (the tree, pids, exit and wait), [s] sched_lock
 * (states, run queue, wait queues), [c] only the process itself.
 */
struct proc {
	int pid;			/* constant */
	enum proc_state state;		/* [s], and [t] for ZOMBIE */
	struct proc *parent;		/* [t] */
	struct list_head children;	/* [t] */
	struct list_head sibling;	/* [t] in parent->children */
	int pgid, sid;			/* [t] pgid only through pgrp_set_locked */
	struct list_head all_link;	/* [t] in proc_list while it has a PID */
	struct list_head pgrp_link;	/* [t] in its group's bucket (pgrp.c) */
	struct tty *tty;		/* [t] the controlling terminal, if any */
	char comm[COMM_LEN];		/* [c] */
	char *cmdline;			/* [t] argv as /proc/<pid>/cmdline shows it */
	size_t cmdline_len;
	char *exe;			/* [t] the path it execve'd */

	/* the kernel side: stack, saved context */
	void *kstack;			/* KSTACK_SIZE bytes; the user trap frame at its top */
	uint64_t ksp;			/* [s] saved stack pointer while switched out */
	struct trap_frame *tf;		/* the user registers */
	volatile bool on_cpu;		/* still running on its kernel stack */
	int cpu;			/* [s] where it runs or last ran */
	struct list_head run_link;	/* [s] run queue or a wait queue */
	uint64_t wake_at_ns;		/* [s] timed sleep: 0 = none */
	struct list_head timer_link;	/* [s] */
	volatile bool need_resched;
	bool sleep_uninterruptible;	/* [s] signals do not end this sleep */
	void *fpu;			/* FPU/SSE/AVX state while switched out */
	uint64_t fs_base;		/* [c] the TLS pointer (arch_prctl) */

	struct mm *mm;			/* [c] address space (shared with a vfork child) */
	struct files *files;		/* [c] descriptor table */
	struct inode *cwd;		/* [c] */
	uint32_t umask;			/* [c] */
	struct rlimit rlim[RLIM_NLIMITS];	/* [c] inherited by fork */

	/* signals (signal.c) */
	struct k_sigaction *sigact;	/* [t] actions for signals 1..64 (index sig - 1) */
	sigset_t sig_blocked;		/* [t] */
	sigset_t sig_pending;		/* [t] a bit per signal with a queued siginfo */
	struct list_head sig_queue;	/* [t] struct sigqueue, oldest first */
	struct sigqueue *sigq_spare;	/* [t] a delivered entry kept for the next signal */
	sigset_t saved_mask;		/* [c] sigsuspend/ppoll: restore after delivery */
	bool restore_mask;
	uint64_t altstack_sp, altstack_size;	/* [c] sigaltstack */
	int altstack_flags;
	int stop_report;		/* [t] stop signal not yet reported to wait (WUNTRACED) */
	bool cont_report;		/* [t] continue not yet reported (WCONTINUED) */
	bool stop_pending;		/* [t] a stop is being acted on (SIGCONT cancels it) */
	bool did_exec;			/* [t] for setpgid's EACCES */
	bool autoreaped;		/* [t] exited unwaited-for: invisible, init frees it */
	bool traced;			/* [t] the trace follows it (inherited by fork) */
	bool trace_reader;		/* [c] it reads /proc/trace: never recorded */
	uint64_t alarm_at_ns, alarm_interval_ns;	/* itimer_lock; ITIMER_REAL: 0 = off */
	struct list_head alarm_link;	/* itimer_lock */
	uint64_t restart_deadline_ns;	/* [c] what restart_syscall resumes (nanosleep) */
	struct waitq signal_wait;	/* pause, sigsuspend, sigtimedwait sleep here */
	volatile uint64_t signal_seq;	/* bumped by every signal queued */

	/* exit and wait */
	int exit_status;		/* [t] the wait status Linux encodes */
	struct waitq child_exit;	/* the parent sleeps here in wait4 */
	struct waitq vfork_done;	/* a vfork parent sleeps here */
	bool vfork_pending;		/* [t] */
	uint64_t *clear_child_tid;	/* user address: zeroed at exit (set_tid_address) */
	uint64_t set_child_tid;		/* CLONE_CHILD_SETTID: written when the child first runs */
	uint64_t utime_ticks, stime_ticks, cutime_ticks, cstime_ticks;
	uint64_t cpu_ns;		/* [s] time on a CPU, to the last switch out */
	uint64_t on_cpu_since_ns;	/* [s] when it was last switched in */
	uint64_t start_ns;
};

#define current arch_current()

/* A signal p could take now: pending and not blocked. (No lock: a stale
 * answer only delays it a little.) */
static inline bool signal_pending(struct proc *p)
{
	return READ_ONCE(p->sig_pending) & ~READ_ONCE(p->sig_blocked);
}

extern struct spinlock proc_lock;
extern struct proc *init_proc;

struct proc *proc_find_locked(int pid);

/* Every process with a PID, [t] held; autoreaped ones are already gone for
 * everyone, so the walks skip them. */
extern struct list_head proc_list;
#define for_each_proc_locked(p) \
	list_for_each_entry(p, &proc_list, all_link) if ((p)->autoreaped) {} else

/* The members of process group pgid, zombies included, [t] held: a walk of
 * one hash bucket, so its cost follows the group's size, not the number of
 * processes. */
struct list_head *pgrp_bucket(int pgid);
#define for_each_pgrp_member_locked(p, group) \
	list_for_each_entry(p, pgrp_bucket(group), pgrp_link) \
		if ((p)->pgid != (group) || (p)->autoreaped) {} else
void pgrp_set_locked(struct proc *p, int pgid);
void proc_init(void);
__attribute__((noreturn)) void proc_exit(int status);	/* status: a Linux wait status */
bool pgrp_orphaned(int pgid);
void pgrp_hangup_if_orphaned_locked(int pgid, struct proc *exiting);
void itimer_tick(void);
/* /proc (fs/procfs_pid.c) */
size_t proc_gen_stat(int pid, char *b, size_t n);
size_t proc_gen_status(int pid, char *b, size_t n);
size_t proc_gen_cmdline(int pid, char *b, size_t n);
size_t proc_gen_comm(int pid, char *b, size_t n);
void proc_exe_path(int pid, char *buf, size_t size);
bool proc_fd_path(int pid, long fd, char *buf, size_t size);
int proc_nth_fd(int pid, uint64_t nth);
int proc_nth_pid(uint64_t nth);
void proc_counts(int *running, int *total, int *last);
void itimer_cancel(struct proc *p);
bool pgrp_orphaned_locked(int pgid);
void proc_set_comm(struct proc *p, const char *path);

/* sched.c */
extern struct spinlock sched_lock;
void sched_init_cpu(struct proc *idle);
void sched_init_this_cpu(void);
void sched_make_runnable(struct proc *p);
void sched_yield(void);
void sched_tick(bool user);		/* from the timer interrupt */
extern volatile uint64_t sched_idle_ticks;
__attribute__((noreturn)) void sched_idle_loop(void);
void sched_sleep(struct waitq *wq, struct spinlock *lk);
void sched_sleep_until(uint64_t ns);	/* true if woken early is not tracked */
void sched_wake_all(struct waitq *wq);
void sched_sleep_if(struct waitq *wq, volatile uint64_t *seq, uint64_t seen, uint64_t deadline);
void sched_wake_proc(struct proc *p);
void sched_stop_locked(void);
void sched_sleep_uninterruptible(struct waitq *wq, struct spinlock *lk);
void sched_finish_switch(void);
uint64_t sched_cpu_time_ns(void);
void waitq_init(struct waitq *wq);
__attribute__((noreturn)) void sched_exit_locked(void);
void proc_start_init(void);
void rlimits_default(struct rlimit *r);
void proc_vfork_release(struct proc *p);
void proc_child_start(void);
int proc_count(void);
void return_to_user_work(struct trap_frame *tf);

/* Whether return_to_user_work has anything to do: a reschedule, a signal,
 * or a system call to restart. Inline, so the common way back to user mode
 * costs these few tests and no call. */
static inline bool return_to_user_pending(struct proc *p, const struct trap_frame *tf)
{
	return p->need_resched || signal_pending(p) ||
	       (tf->vector == VEC_SYSCALL && (long)tf->rax <= -ERESTARTSYS &&
		(long)tf->rax >= -ERESTART_RESTARTBLOCK);
}

#endif
