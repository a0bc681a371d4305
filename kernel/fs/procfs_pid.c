/*
 * /proc/<pid>/...: a process described in Linux's formats. Everything is
 * read under proc_lock, so a file is one consistent snapshot.
 */
#include "arch.h"
#include "console.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "proc.h"
#include "string.h"
#include "time.h"
#include "vm.h"

static char state_letter(const struct proc *p)
{
	switch (p->state) {
	case P_RUNNABLE: case P_RUNNING: return 'R';
	case P_SLEEPING: return 'S';
	case P_STOPPED: return 'T';
	case P_ZOMBIE: return 'Z';
	}
	return '?';
}

static const char *state_name(const struct proc *p)
{
	switch (p->state) {
	case P_RUNNABLE: case P_RUNNING: return "running";
	case P_SLEEPING: return "sleeping";
	case P_STOPPED: return "stopped";
	case P_ZOMBIE: return "zombie";
	}
	return "?";
}

static void count_page(uint64_t *pte, uintptr_t va, void *arg)
{
	(void)pte, (void)va;
	(*(uint64_t *)arg)++;
}

/* Virtual size and resident pages. */
static void mem_usage(struct proc *p, uint64_t *vsize, uint64_t *rss)
{
	*vsize = *rss = 0;
	struct mm *mm = p->mm;
	if (!mm)
		return;
	spin_lock(&mm->lock);
	struct vma *v;
	list_for_each_entry(v, &mm->vmas, link)
		*vsize += v->end - v->start;
	pt_range(mm->pml4, 0, USER_TOP, count_page, rss);
	spin_unlock(&mm->lock);
}

static sigset_t caught(struct proc *p, bool ignored)
{
	sigset_t s = 0;
	for (int sig = 1; sig <= NSIG; sig++) {
		uint64_t h = p->sigact[sig - 1].handler;
		if (ignored ? h == SIG_IGN : h > SIG_IGN)
			s |= SIGBIT(sig);
	}
	return s;
}

size_t proc_gen_stat(int pid, char *b, size_t n)
{
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	size_t len = 0;
	if (p) {
		uint64_t vsize, rss;
		mem_usage(p, &vsize, &rss);
		int tty_nr = p->tty ? (4 << 8) | 64 : 0;
		int tpgid = p->tty ? tty_foreground(p->tty) : -1;
		uint64_t start = p->start_ns / 10000000;	/* clock ticks since boot */
		len = snprintf(b, n,
			"%d (%s) %c %d %d %d %d %d 4194304 0 0 0 0 %lu %lu %lu %lu 20 0 1 0 %lu %lu %lu "
			"18446744073709551615 0 0 0 0 0 %lu %lu %lu %lu 0 0 0 17 %d 0 0 0 0 0 0 0 0 0 0 0 0 %d\n",
			p->pid, p->comm, state_letter(p), p->parent ? p->parent->pid : 0, p->pgid, p->sid,
			tty_nr, tpgid, p->utime_ticks, p->stime_ticks, p->cutime_ticks, p->cstime_ticks,
			start, vsize, rss, p->sig_pending, p->sig_blocked, caught(p, true), caught(p, false),
			p->cpu, p->state == P_ZOMBIE ? p->exit_status : 0);
	}
	spin_unlock(&proc_lock);
	return MIN(len, n);
}

size_t proc_gen_status(int pid, char *b, size_t n)
{
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	size_t len = 0;
	if (p) {
		uint64_t vsize, rss;
		mem_usage(p, &vsize, &rss);
		len = snprintf(b, n,
			"Name:\t%s\nUmask:\t%04o\nState:\t%c (%s)\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
			"TracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\nVmSize:\t%8lu kB\n"
			"VmRSS:\t%8lu kB\nThreads:\t1\nSigPnd:\t0000000000000000\nShdPnd:\t%016lx\n"
			"SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n",
			p->comm, p->umask, state_letter(p), state_name(p), p->pid, p->pid,
			p->parent ? p->parent->pid : 0, NR_OPEN, vsize / 1024, rss * 4, p->sig_pending,
			p->sig_blocked, caught(p, true), caught(p, false));
	}
	spin_unlock(&proc_lock);
	return MIN(len, n);
}

size_t proc_gen_cmdline(int pid, char *b, size_t n)
{
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	size_t len = 0;
	if (p && p->state != P_ZOMBIE && p->cmdline) {
		len = MIN(p->cmdline_len, n);
		memcpy(b, p->cmdline, len);
	}
	spin_unlock(&proc_lock);
	return len;
}

size_t proc_gen_comm(int pid, char *b, size_t n)
{
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	size_t len = p ? snprintf(b, n, "%s\n", p->comm) : 0;
	spin_unlock(&proc_lock);
	return MIN(len, n);
}

void proc_exe_path(int pid, char *buf, size_t size)
{
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	strlcpy(buf, p && p->exe ? p->exe : "", size);
	spin_unlock(&proc_lock);
}

/* What descriptor fd of pid refers to, in Linux's words; false if none. */
bool proc_fd_path(int pid, long fd, char *buf, size_t size)
{
	bool found = false;
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	struct files *t = p ? p->files : NULL;
	if (t && fd >= 0 && fd < NR_OPEN) {
		spin_lock(&t->lock);
		struct file *f = t->fd[fd];
		if ((found = f != NULL) && buf) {
			if (f->inode && S_ISFIFO(f->inode->mode) && !f->path)
				snprintf(buf, size, "pipe:[%lu]", f->inode->ino);
			else
				strlcpy(buf, f->path ? f->path : "anon_inode:[unknown]", size);
		}
		spin_unlock(&t->lock);
	}
	spin_unlock(&proc_lock);
	return found;
}

int proc_nth_fd(int pid, uint64_t nth)
{
	int r = -1;
	spin_lock(&proc_lock);
	struct proc *p = proc_find_locked(pid);
	struct files *t = p ? p->files : NULL;
	if (t) {
		spin_lock(&t->lock);
		for (int fd = 0; fd < NR_OPEN && r < 0; fd++)
			if (t->fd[fd] && nth-- == 0)
				r = fd;
		spin_unlock(&t->lock);
	}
	spin_unlock(&proc_lock);
	return r;
}

int proc_nth_pid(uint64_t nth)
{
	int r = -1;
	spin_lock(&proc_lock);
	for (int pid = 1; pid < PID_MAX && r < 0; pid++)
		if (proc_find_locked(pid) && nth-- == 0)
			r = pid;
	spin_unlock(&proc_lock);
	return r;
}

void proc_counts(int *running, int *total, int *last)
{
	*running = *total = *last = 0;
	spin_lock(&proc_lock);
	struct proc *p;
	for_each_proc_locked(p) {
		(*total)++;
		*running += p->state == P_RUNNING || p->state == P_RUNNABLE;
		if (p->pid > *last)
			*last = p->pid;	/* FIXME: Linux shows the last PID handed out */
	}
	spin_unlock(&proc_lock);
}
