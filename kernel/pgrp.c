/*
 * Process groups and sessions, the unit of job control. A shell puts each
 * job (pipeline) in a group of its own (setpgid), so the terminal can signal
 * all of it at once; a session (setsid) is everything started from one
 * login, with at most one controlling terminal.
 *
 * An orphaned process group - no member has a parent in another group of
 * the same session, so no shell can wake it - that has a stopped member
 * gets SIGHUP then SIGCONT, or it would stay stopped forever.
 */
#include "errno.h"
#include "kernel.h"
#include "proc.h"
#include "signal.h"

/* Groups hashed by pgid; a bucket holds the members of the groups that hash
 * to it, so walking a group costs its size (plus a few neighbours). */
#define PGRP_BUCKETS 256
static struct list_head pgrp_buckets[PGRP_BUCKETS];	/* [t] */

struct list_head *pgrp_bucket(int pgid)
{
	struct list_head *b = &pgrp_buckets[(unsigned)pgid % PGRP_BUCKETS];
	if (!b->next)
		list_init(b);	/* zeroed storage: first use */
	return b;
}

/* Moves p into group pgid. [t] held. */
void pgrp_set_locked(struct proc *p, int pgid)
{
	list_del(&p->pgrp_link);
	p->pgid = pgid;
	list_add_tail(&p->pgrp_link, pgrp_bucket(pgid));
}

/* Would pgid be orphaned if `ignore` (an exiting process) were gone? [t] held. */
static bool orphaned_ignoring_locked(int pgid, struct proc *ignore)
{
	struct proc *p;
	for_each_pgrp_member_locked(p, pgid) {
		if (p == ignore || p->state == P_ZOMBIE)
			continue;
		struct proc *q = p->parent;
		if (q == init_proc)
			continue;	/* as Linux: init's children do not hold a group together */
		if (q && q != ignore && q->pgid != pgid && q->sid == p->sid)
			return false;
	}
	return true;
}

bool pgrp_orphaned_locked(int pgid) { return orphaned_ignoring_locked(pgid, NULL); }

bool pgrp_orphaned(int pgid)
{
	spin_lock(&proc_lock);
	bool r = pgrp_orphaned_locked(pgid);
	spin_unlock(&proc_lock);
	return r;
}

static bool has_stopped_locked(int pgid)
{
	struct proc *p;
	for_each_pgrp_member_locked(p, pgid)
		if (p->state == P_STOPPED)
			return true;
	return false;
}

/* After `exiting` leaves, SIGHUP + SIGCONT to pgid if that orphans a stopped group. [t] */
void pgrp_hangup_if_orphaned_locked(int pgid, struct proc *exiting)
{
	if (!orphaned_ignoring_locked(pgid, exiting) || !has_stopped_locked(pgid))
		return;
	struct siginfo info = { .si_code = SI_KERNEL };
	kill_pgrp_locked(pgid, SIGHUP, &info);
	kill_pgrp_locked(pgid, SIGCONT, &info);
}

static bool pgrp_exists_in_session_locked(int pgid, int sid)
{
	struct proc *p;
	for_each_pgrp_member_locked(p, pgid)
		if (p->sid == sid)
			return true;
	return false;
}

/* setpgid with Linux's errors: ESRCH (not us or our child), EACCES (the
 * child has exec'd), EPERM (another session, a session leader, or no such
 * group in our session), EINVAL (negative). */
long sys_setpgid(int pid, long pgid)
{
	struct proc *me = current;
	if (!pid)
		pid = me->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	long err = 0;
	if (!p || (p != me && p->parent != me))
		err = -ESRCH;
	else if (p != me && p->did_exec)
		err = -EACCES;
	else if (p->sid != me->sid || p->pid == p->sid)
		err = -EPERM;
	else if (pgid != p->pid && !pgrp_exists_in_session_locked(pgid, me->sid))
		err = -EPERM;
	else
		pgrp_set_locked(p, pgid);
	spin_unlock(&proc_lock);
	return err;
}

long sys_getpgid(int pid)
{
	if (pid < 0)
		return -ESRCH;
	spin_lock(&proc_lock);
	struct proc *p = pid ? proc_find_locked(pid) : current;
	long r = p ? p->pgid : -ESRCH;
	spin_unlock(&proc_lock);
	return r;
}

long sys_getpgrp(void) { return current->pgid; }

long sys_getsid(int pid)
{
	if (pid < 0)
		return -ESRCH;
	spin_lock(&proc_lock);
	struct proc *p = pid ? proc_find_locked(pid) : current;
	long r = p ? p->sid : -ESRCH;
	spin_unlock(&proc_lock);
	return r;
}

/* A new session and group, led by the caller - unless it already leads a group. */
long sys_setsid(void)
{
	struct proc *me = current;
	spin_lock(&proc_lock);
	long r;
	if (me->pgid == me->pid || pgrp_exists_in_session_locked(me->pid, me->sid)) {
		r = -EPERM;
	} else {
		me->sid = me->pid;
		pgrp_set_locked(me, me->pid);
		me->tty = NULL;		/* no controlling terminal yet */
		r = me->pid;
	}
	spin_unlock(&proc_lock);
	return r;
}
