/*
 * /proc: files made up from the kernel's state each time they are opened,
 * in Linux's formats, so ps and top logic written for Linux works:
 *   /proc/<pid>/{stat,status,cmdline,exe,fd/}, /proc/self,
 *   /proc/{meminfo,uptime,cpuinfo,loadavg,mounts}, and /proc/trace (the
 *   event trace, kernel/trace.c).
 * Inodes are made on lookup and vanish with their last reference.
 */
#include "arch.h"
#include "errno.h"
#include "fs.h"
#include "kernel.h"
#include "mm.h"
#include "paging.h"
#include "proc.h"
#include "string.h"
#include "time.h"
#include "uaccess.h"
#include "vm.h"

enum {
	K_ROOT, K_SELF, K_MEMINFO, K_UPTIME, K_CPUINFO, K_LOADAVG, K_MOUNTS, K_TRACE,
	K_PID, K_STAT, K_STATUS, K_CMDLINE, K_EXE, K_FD, K_COMM,
	K_FD_LINK = 1000,	/* + the descriptor number */
};

struct entry { const char *name; int kind; uint32_t mode; };

static const struct entry root_files[] = {
	{ "self", K_SELF, S_IFLNK | 0777 }, { "meminfo", K_MEMINFO, S_IFREG | 0444 },
	{ "uptime", K_UPTIME, S_IFREG | 0444 }, { "cpuinfo", K_CPUINFO, S_IFREG | 0444 },
	{ "loadavg", K_LOADAVG, S_IFREG | 0444 }, { "mounts", K_MOUNTS, S_IFREG | 0444 },
	{ "trace", K_TRACE, S_IFREG | 0644 },
};
static const struct entry pid_files[] = {
	{ "stat", K_STAT, S_IFREG | 0444 }, { "status", K_STATUS, S_IFREG | 0444 },
	{ "cmdline", K_CMDLINE, S_IFREG | 0444 }, { "comm", K_COMM, S_IFREG | 0444 },
	{ "exe", K_EXE, S_IFLNK | 0777 }, { "fd", K_FD, S_IFDIR | 0500 },
};

static const struct inode_ops proc_iops;
static struct inode *proc_root;

static struct inode *make(struct inode *parent, int pid, int kind, uint32_t mode)
{
	struct inode *ino = inode_new(mode);
	if (!ino)
		return NULL;
	ino->iops = &proc_iops;
	ino->proc_pid = pid;
	ino->proc_kind = kind;
	ino->parent = parent;
	inode_get(parent);	/* ".." must outlive us */
	return ino;
}

static bool parse_num(const char *s, size_t len, long *out)
{
	long v = 0;
	if (!len || len > 9)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool proc_alive(int pid)
{
	spin_lock(&proc_lock);
	bool r = proc_find_locked(pid) != NULL;
	spin_unlock(&proc_lock);
	return r;
}

/* The link text of a symlink inode, made now. */
static char *link_target(struct inode *ino)
{
	char *t = kmalloc(PATH_MAX);
	if (!t)
		return NULL;
	t[0] = 0;
	if (ino->proc_kind == K_SELF)
		snprintf(t, PATH_MAX, "%d", current->pid);
	else if (ino->proc_kind == K_EXE)
		proc_exe_path(ino->proc_pid, t, PATH_MAX);
	else
		proc_fd_path(ino->proc_pid, ino->proc_kind - K_FD_LINK, t, PATH_MAX);
	return t;
}

static int finish(struct inode *ino, struct inode **out)
{
	if (!ino)
		return -ENOMEM;
	if (S_ISLNK(ino->mode)) {
		ino->target = link_target(ino);
		ino->size = ino->target ? strlen(ino->target) : 0;
	}
	*out = ino;
	return 0;
}

static int lookup_table(struct inode *dir, const struct entry *t, size_t n, const char *name,
			size_t len, struct inode **out)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(t[i].name) == len && !memcmp(t[i].name, name, len))
			return finish(make(dir, dir->proc_pid, t[i].kind, t[i].mode), out);
	return -ENOENT;
}

static int proc_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
	long n;
	if (dir->proc_kind != K_ROOT && !proc_alive(dir->proc_pid))
		return -ENOENT;
	switch (dir->proc_kind) {
	case K_ROOT:
		if (parse_num(name, len, &n) && proc_alive(n))
			return finish(make(dir, n, K_PID, S_IFDIR | 0555), out);
		return lookup_table(dir, root_files, ARRAY_SIZE(root_files), name, len, out);
	case K_PID:
		return lookup_table(dir, pid_files, ARRAY_SIZE(pid_files), name, len, out);
	case K_FD:
		if (parse_num(name, len, &n) && proc_fd_path(dir->proc_pid, n, NULL, 0))
			return finish(make(dir, dir->proc_pid, K_FD_LINK + n, S_IFLNK | 0700), out);
	}
	return -ENOENT;
}

static bool table_entry(const struct entry *t, size_t n, uint64_t i, char *name, size_t size,
			uint32_t *mode)
{
	if (i >= n)
		return false;
	strlcpy(name, t[i].name, size);
	*mode = t[i].mode;
	return true;
}

static bool proc_readdir(struct inode *dir, uint64_t i, char *name, size_t size, uint64_t *ino,
			 uint32_t *mode)
{
	*ino = 1000000 + dir->proc_pid * 64 + i;	/* made up, stable while listing */
	if (dir->proc_kind == K_PID)
		return table_entry(pid_files, ARRAY_SIZE(pid_files), i, name, size, mode);
	if (dir->proc_kind == K_FD) {
		int fd = proc_nth_fd(dir->proc_pid, i);
		if (fd < 0)
			return false;
		snprintf(name, size, "%d", fd);
		*mode = S_IFLNK | 0700;
		return true;
	}
	if (i < ARRAY_SIZE(root_files))
		return table_entry(root_files, ARRAY_SIZE(root_files), i, name, size, mode);
	int pid = proc_nth_pid(i - ARRAY_SIZE(root_files));
	if (pid < 0)
		return false;
	snprintf(name, size, "%d", pid);
	*mode = S_IFDIR | 0555;
	return true;
}

/* ---- the system-wide files ---- */

static size_t gen_meminfo(char *b, size_t n)
{
	uint64_t total = frame_total_count() * 4, free = frame_free_count() * 4;
	return snprintf(b, n, "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
			"MemAvailable:   %8lu kB\nBuffers:               0 kB\nCached:                0 kB\n"
			"SwapTotal:             0 kB\nSwapFree:              0 kB\nShmem:                 0 kB\n"
			"Slab:           %8lu kB\n", total, free, free, kheap_bytes_in_use() / 1024);
}

static size_t gen_uptime(char *b, size_t n)
{
	uint64_t up = time_monotonic_ns() / 10000000;	/* centiseconds */
	uint64_t idle = READ_ONCE(sched_idle_ticks);	/* ticks are centiseconds at 100 Hz */
	return snprintf(b, n, "%lu.%02lu %lu.%02lu\n", up / 100, up % 100, idle / 100, idle % 100);
}

static size_t gen_cpuinfo(char *b, size_t n)
{
	size_t len = 0;
	for (int i = 0; i < ncpus && len < n; i++)
		len += snprintf(b + len, n - len, "processor\t: %d\nvendor_id\t: %s\nmodel name\t: %s\n"
				"apicid\t\t: %u\nfpu\t\t: yes\nflags\t\t: fpu tsc sse sse2%s%s%s%s\n\n", i,
				cpu_vendor(), cpu_model_name(), cpus[i].apic_id,
				cpu_features.nx ? " nx" : "", cpu_features.xsave ? " xsave" : "",
				cpu_features.smep ? " smep" : "", cpu_features.smap ? " smap" : "");
	return MIN(len, n);
}

static size_t gen_loadavg(char *b, size_t n)
{
	int running, total, last;
	proc_counts(&running, &total, &last);
	return snprintf(b, n, "0.00 0.00 0.00 %d/%d %d\n", running, total, last);
}

static size_t proc_generate(struct inode *ino, char *b, size_t n)
{
	switch (ino->proc_kind) {
	case K_MEMINFO: return gen_meminfo(b, n);
	case K_UPTIME: return gen_uptime(b, n);
	case K_CPUINFO: return gen_cpuinfo(b, n);
	case K_LOADAVG: return gen_loadavg(b, n);
	case K_MOUNTS: return snprintf(b, n, "rootfs / rootfs rw 0 0\nproc /proc proc rw 0 0\n");
	case K_STAT: return proc_gen_stat(ino->proc_pid, b, n);
	case K_STATUS: return proc_gen_status(ino->proc_pid, b, n);
	case K_CMDLINE: return proc_gen_cmdline(ino->proc_pid, b, n);
	case K_COMM: return proc_gen_comm(ino->proc_pid, b, n);
	}
	return 0;
}

static const struct inode_ops proc_iops = {
	.lookup = proc_lookup, .readdir = proc_readdir, .generate = proc_generate,
};

/* ---- reading: a snapshot made at open ---- */

struct snapshot { size_t len; char data[]; };

#define SNAP_MAX	16384

static long snap_read(struct file *f, char *ubuf, size_t n)
{
	struct snapshot *s = f->priv;
	if (!s) {
		if (!(s = kmalloc(sizeof(*s) + SNAP_MAX)))
			return -ENOMEM;
		s->len = MIN(f->inode->iops->generate(f->inode, s->data, SNAP_MAX), (size_t)SNAP_MAX - 1);
		f->priv = s;
	}
	if (f->pos >= s->len)
		return 0;
	size_t k = MIN(n, s->len - f->pos);
	if (copy_to_user(ubuf, s->data + f->pos, k))
		return -EFAULT;
	f->pos += k;
	return k;
}

static void snap_release(struct file *f) { kfree(f->priv); }

static const struct file_ops procfs_file_ops = {
	.read = snap_read, .release = snap_release, .seekable = true,
};

/* /proc/trace is read as a stream (kernel/trace.c); the rest as snapshots. */
const struct file_ops *procfs_file_ops_for(struct inode *ino)
{
	return ino->proc_kind == K_TRACE ? &trace_file_ops : &procfs_file_ops;
}

void procfs_init(void)
{
	proc_root = inode_new(S_IFDIR | 0555);
	proc_root->iops = &proc_iops;
	proc_root->proc_kind = K_ROOT;
	spin_lock(&vfs_lock);
	vfs_link_locked(root_inode, "proc", 4, proc_root);
	spin_unlock(&vfs_lock);
}
