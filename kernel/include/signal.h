#ifndef SYSRET_SIGNAL_H
#define SYSRET_SIGNAL_H
/* Signals: Linux's numbers, sets, actions, siginfo and the frame's parts. */
#include "list.h"
#include "signum.h"
#include "types.h"

#define NSIG		64
#define SIGRTMIN	32
#define SIG_DFL		0UL
#define SIG_IGN		1UL

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)
#define SI_TIMER	(-2)
#define SI_TKILL	(-6)
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* The kernel's own "restart me" results, never seen by user programs. */
#define ERESTARTSYS		512	/* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR		513	/* always restart */
#define ERESTARTNOHAND		514	/* EINTR after a handler, restart otherwise */
#define ERESTART_RESTARTBLOCK	516	/* restart through restart_syscall */

typedef uint64_t sigset_t;
#define SIGBIT(sig)	(1UL << ((sig) - 1))
#define UNBLOCKABLE	(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

struct k_sigaction {		/* as rt_sigaction passes it */
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	sigset_t mask;
};

struct siginfo {		/* Linux's siginfo_t, 128 bytes */
	int32_t si_signo, si_errno, si_code, pad;
	union {
		struct { int32_t pid; uint32_t uid; int32_t status; int32_t pad; int64_t utime, stime; } chld;
		struct { int32_t pid; uint32_t uid; uint64_t value; } kill;
		struct { uint64_t addr; } fault;
		char bytes[112];
	};
};
_Static_assert(sizeof(struct siginfo) == 128, "siginfo_t");

struct sigqueue {
	struct list_head link;
	struct siginfo info;
};

struct proc;
struct trap_frame;

int send_signal(struct proc *p, int sig, const struct siginfo *info);	/* proc_lock not held */
int send_signal_locked(struct proc *p, int sig, const struct siginfo *info);
void force_signal(struct proc *p, int sig, int code, uint64_t addr);
void signal_deliver(struct trap_frame *tf);
void signal_fork(struct proc *child, struct proc *parent);
void signal_exec(struct proc *p);
void signal_free(struct proc *p);
void signal_notify_parent_locked(struct proc *p, int code, int status);
int kill_pgrp_locked(int pgid, int sig, const struct siginfo *info);
void signal_init_proc(struct proc *p);
bool sig_ignored(struct proc *p, int sig);

/* arch: the signal frame */
int arch_setup_frame(struct trap_frame *tf, int sig, const struct siginfo *info,
		     const struct k_sigaction *ka, sigset_t old_mask);

#endif
