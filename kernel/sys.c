/*
 * The rest of what a program asks the system: its name (uname), who it is
 * (everyone is root for now), limits, usage, the TLS pointer (arch_prctl),
 * and reboot.
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"

struct utsname { char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65]; };

long sys_uname(struct utsname *u)
{
	struct utsname n;
	memset(&n, 0, sizeof(n));
	strlcpy(n.sysname, "sysret", 65);
	strlcpy(n.nodename, "sysret", 65);
	/* A Linux-style release: glibc's static start-up checks the kernel version. */
	strlcpy(n.release, "6.1.0-sysret", 65);
	strlcpy(n.version, "#1 SMP " __DATE__, 65);
	strlcpy(n.machine, "x86_64", 65);
	strlcpy(n.domainname, "(none)", 65);
	return copy_to_user(u, &n, sizeof(n));
}

long sys_getuid(void) { return 0; }
long sys_geteuid(void) { return 0; }
long sys_getgid(void) { return 0; }
long sys_getegid(void) { return 0; }

#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

long sys_arch_prctl(int code, unsigned long addr)
{
	struct proc *p = current;
	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_TOP)
			return -EPERM;
		p->fs_base = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return put_user(p->fs_base, (uint64_t *)addr);
	}
	return -EINVAL;	/* FIXME: a user GS base */
}

long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (uint64_t *)tidptr;
	return current->pid;
}

long sys_set_robust_list(void *head, size_t len)
{
	(void)head;	/* no threads, so no futexes to release at exit */
	return len == 24 ? 0 : -EINVAL;
}

/* Every file lives in memory (tmpfs): there is nothing to write back. */
long sys_sync(void) { return 0; }

long sys_sched_yield(void)
{
	sched_yield();
	return 0;
}

/* ---- resource limits ---- */

#define RLIM_INFINITY	(~0UL)
#define RLIMIT_CORE	4
#define RLIMIT_NPROC	6
#define RLIMIT_SIGPENDING 11

/* The limits PID 1 starts with (Linux's defaults); children inherit them. */
void rlimits_default(struct rlimit *r)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		r[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	r[RLIMIT_STACK].cur = 8 << 20;
	r[RLIMIT_CORE].cur = 0;
	r[RLIMIT_NOFILE] = (struct rlimit){ NR_OPEN, NR_OPEN };
	r[RLIMIT_NPROC] = r[RLIMIT_SIGPENDING] = (struct rlimit){ PID_MAX, PID_MAX };
}

/* Enforced: RLIMIT_NOFILE (descriptor numbers). FIXME: the others are kept
 * and reported; the stack grows to 8 MiB whatever RLIMIT_STACK says. */
long sys_prlimit64(int pid, int res, const struct rlimit *unew, struct rlimit *uold)
{
	if (res < 0 || res >= RLIM_NLIMITS)
		return -EINVAL;
	struct proc *p = current;
	if (pid && pid != p->pid)
		return -EPERM;	/* FIXME: another process's limits */
	struct rlimit n, old = p->rlim[res];
	if (unew) {
		if (copy_from_user(&n, unew, sizeof(n)))
			return -EFAULT;
		if (n.cur > n.max)
			return -EINVAL;
		if (res == RLIMIT_NOFILE && n.max > NR_OPEN)
			return -EPERM;	/* beyond what a descriptor table holds (nr_open) */
	}
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	if (unew)
		p->rlim[res] = n;
	return 0;
}

long sys_getrlimit(int res, struct rlimit *u) { return sys_prlimit64(0, res, NULL, u); }
long sys_setrlimit(int res, const struct rlimit *u) { return sys_prlimit64(0, res, u, NULL); }

struct rusage { struct { int64_t sec, usec; } utime, stime; int64_t rest[14]; };

long sys_getrusage(long who, struct rusage *u)
{
	struct proc *p = current;
	uint64_t ut, st;
	if (who == 0) {
		ut = p->utime_ticks, st = p->stime_ticks;
	} else if (who == -1) {
		ut = p->cutime_ticks, st = p->cstime_ticks;
	} else {
		return -EINVAL;
	}
	struct rusage r = { 0 };
	r.utime.sec = ut / 100, r.utime.usec = ut % 100 * 10000;
	r.stime.sec = st / 100, r.stime.usec = st % 100 * 10000;
	return copy_to_user(u, &r, sizeof(r));
}

struct sysinfo {
	int64_t uptime;
	uint64_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	char rest[4];
};

long sys_sysinfo(struct sysinfo *u)
{
	struct sysinfo s = { 0 };
	s.uptime = time_monotonic_ns() / 1000000000;
	s.totalram = frame_total_count() * PAGE_SIZE;
	s.freeram = frame_free_count() * PAGE_SIZE;
	s.procs = proc_count();
	s.mem_unit = 1;
	return copy_to_user(u, &s, sizeof(s));
}

/* ---- reboot(2) ---- */

#define REBOOT_MAGIC1		0xfee1dead
#define RB_AUTOBOOT		0x01234567
#define RB_HALT_SYSTEM		0xcdef0123
#define RB_POWER_OFF		0x4321fedc
#define RB_ENABLE_CAD		0x89abcdef
#define RB_DISABLE_CAD		0

long sys_reboot(unsigned long magic1, unsigned long magic2, unsigned int cmd, void *arg)
{
	(void)arg;
	if ((uint32_t)magic1 != REBOOT_MAGIC1 || ((uint32_t)magic2 != 672274793 &&
	    (uint32_t)magic2 != 85072278 && (uint32_t)magic2 != 369367448 && (uint32_t)magic2 != 537993216))
		return -EINVAL;
	switch ((uint32_t)cmd) {
	case RB_POWER_OFF:
		printk(KERN_EMERG "reboot: Power down\n");
		arch_power_off();
	case RB_AUTOBOOT:
		printk(KERN_EMERG "reboot: Restarting system\n");
		arch_reset();
	case RB_HALT_SYSTEM:
		printk(KERN_EMERG "reboot: System halted\n");
		arch_stop_other_cpus();
		arch_halt_forever();
	case RB_ENABLE_CAD: case RB_DISABLE_CAD:
		return 0;
	}
	return -EINVAL;
}

#define PR_SET_NAME	15
#define PR_GET_NAME	16

/* prctl: the process's name (what ps shows in brackets); nothing else yet. */
long sys_prctl(int option, unsigned long arg2)
{
	struct proc *p = current;
	char name[COMM_LEN];
	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(name, (const char *)arg2, COMM_LEN) == -EFAULT)
			return -EFAULT;
		name[COMM_LEN - 1] = 0;
		memcpy(p->comm, name, COMM_LEN);
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void *)arg2, p->comm, COMM_LEN);
	}
	return -EINVAL;
}

/* Supplementary groups: none (everyone is root, in group 0). */
long sys_getgroups(int size, uint32_t *ulist)
{
	(void)ulist;
	return size < 0 ? -EINVAL : 0;
}

/* The CPUs a process may run on: every online one (there is one run queue). */
long sys_sched_getaffinity(int pid, size_t len, uint64_t *umask)
{
	if (pid < 0)
		return -ESRCH;
	if (len < sizeof(uint64_t) || (len & (sizeof(uint64_t) - 1)))
		return -EINVAL;
	uint64_t mask = ncpus_online >= 64 ? ~0UL : (1UL << ncpus_online) - 1;
	return copy_to_user(umask, &mask, sizeof(mask)) ? -EFAULT : (long)sizeof(mask);
}
